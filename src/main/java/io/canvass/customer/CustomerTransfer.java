package io.canvass.customer;

import io.canvass.platform.Csv;
import io.canvass.platform.KeysetCursor;
import io.canvass.platform.Problem;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Scope;
import io.canvass.platform.Sql;
import io.canvass.platform.StoredText;
import io.canvass.identity.UserService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** CSV import with a per-row report, and CSV export of what a filter selects. */
@ApplicationScoped
public class CustomerTransfer {

    /** Columns understood by the import; only name and grade are required. */
    static final List<String> IMPORT_COLUMNS = List.of("name", "grade", "stage", "industry", "size", "address", "lat", "lng",
            "source", "tags", "notes", "owner_email", "contact_name", "contact_title", "contact_phone", "contact_email");

    static final List<String> EXPORT_COLUMNS = List.of("id", "name", "grade", "stage", "owner", "industry", "tags",
            "last_touched_at", "next_due_on", "overdue", "health_score");

    static final int MAX_ROWS = 5000;
    static final int MAX_EXPORT = 100_000;

    static final String EXISTING = """
            select lower(c.name), coalesce(regexp_replace(k.phone, '\\D', '', 'g'), '') from customer c
            left join customer_contact k on k.customer_id = c.id
            where c.deleted_at is null and lower(c.name) = any($1)""";

    @Inject
    CustomerService customers;

    @Inject
    CustomerQueries queries;

    @Inject
    UserService users;

    @Inject
    Validator validator;

    @Inject
    Sql sql;

    /** What happened to each row of an import (rows are numbered as in the file, header = 1). */
    @RegisterForReflection
    public record ImportReport(int rows, List<Created> created, List<Rejected> duplicates, List<Rejected> invalid) {
    }

    @RegisterForReflection
    public record Created(int row, UUID id, String name) {
    }

    @RegisterForReflection
    public record Rejected(int row, String name, List<Problem.FieldError> errors) {
    }

    @WithTransaction
    public Uni<ImportReport> importCsv(String text) {
        List<List<String>> rows = Csv.parse(text == null ? "" : text);
        if (rows.isEmpty()) {
            throw ProblemException.invalid("body", "the file is empty; the first row names the columns");
        }
        List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < header.size(); i++) {
            String problem = StoredText.problem(header.get(i));
            if (problem != null) {
                throw ProblemException.invalid("body", "row 1 (the header), column " + (i + 1) + ": " + problem);
            }
        }
        if (!header.contains("name") || !header.contains("grade")) {
            throw ProblemException.invalid("body", "the header must name at least the columns name and grade; known columns: "
                    + String.join(", ", IMPORT_COLUMNS));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per import");
        }
        List<Map<String, String>> records = new ArrayList<>();
        List<List<Problem.FieldError>> unstorable = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> record = new HashMap<>();
            List<Problem.FieldError> refused = new ArrayList<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                String value = row.get(i).trim();
                String problem = StoredText.problem(value);
                if (problem != null) {
                    // reported as this row's error; the value itself never goes near the database
                    refused.add(new Problem.FieldError(header.get(i), problem));
                    value = "";
                }
                record.put(header.get(i), value.isEmpty() ? null : value);
            }
            records.add(record);
            unstorable.add(refused);
        }
        List<String> names = records.stream().map(r -> r.get("name")).filter(n -> n != null).map(n -> n.toLowerCase(Locale.ROOT)).toList();
        return sql.query(EXISTING, Tuple.of(names.toArray(String[]::new)))
                .map(found -> {
                    Set<String> keys = new HashSet<>();
                    found.forEach(r -> keys.add(key(r.getString(0), r.getString(1))));
                    return keys;
                })
                .chain(existing -> process(records, unstorable, existing));
    }

    private Uni<ImportReport> process(List<Map<String, String>> records, List<List<Problem.FieldError>> unstorable, Set<String> seen) {
        List<Created> created = new ArrayList<>();
        List<Rejected> duplicates = new ArrayList<>();
        List<Rejected> invalid = new ArrayList<>();
        return Multi.createFrom().range(0, records.size())
                .onItem().transformToUniAndConcatenate(i -> {
                    int rowNumber = i + 2;
                    Map<String, String> record = records.get(i);
                    String name = record.get("name");
                    if (!unstorable.get(i).isEmpty()) {
                        invalid.add(new Rejected(rowNumber, name, unstorable.get(i)));
                        return Uni.createFrom().voidItem();
                    }
                    List<Problem.FieldError> errors = new ArrayList<>();
                    CustomerRequests.Create request = request(record, errors);
                    String key = key(name == null ? "" : name.toLowerCase(Locale.ROOT), digits(record.get("contact_phone")));
                    if (errors.isEmpty() && seen.contains(key)) {
                        duplicates.add(new Rejected(rowNumber, name, List.of(new Problem.FieldError("name",
                                "a customer with this name and contact phone already exists"))));
                        return Uni.createFrom().voidItem();
                    }
                    return owner(record.get("owner_email"), errors).chain(ownerId -> {
                        CustomerRequests.Create withOwner = request == null ? null : withOwner(request, ownerId);
                        if (withOwner != null) {
                            for (ConstraintViolation<CustomerRequests.Create> v : validator.validate(withOwner)) {
                                errors.add(new Problem.FieldError(column(v.getPropertyPath().toString()), v.getMessage()));
                            }
                        }
                        if (!errors.isEmpty()) {
                            invalid.add(new Rejected(rowNumber, name, errors));
                            return Uni.createFrom().voidItem();
                        }
                        seen.add(key);
                        return customers.create(withOwner)
                                .invoke(c -> created.add(new Created(rowNumber, c.id(), c.name())))
                                .onFailure(ProblemException.class).recoverWithItem(e -> {
                                    invalid.add(new Rejected(rowNumber, name, List.of(new Problem.FieldError("row", e.getMessage()))));
                                    return null;
                                })
                                .replaceWithVoid();
                    });
                })
                .collect().last()
                .map(done -> new ImportReport(records.size(), created, duplicates, invalid));
    }

    public Uni<String> exportCsv(Scope scope, CustomerFilter filter) {
        StringBuilder out = new StringBuilder(Csv.BOM).append(Csv.line(EXPORT_COLUMNS));
        return exportFrom(scope, filter, null, out, 0).map(StringBuilder::toString);
    }

    private Uni<StringBuilder> exportFrom(Scope scope, CustomerFilter filter, KeysetCursor after, StringBuilder out, int written) {
        return queries.list(scope, filter, after, 500).chain(page -> {
            for (CustomerSummary c : page.items()) {
                out.append(Csv.line(Arrays.asList(c.id(), c.name(), c.grade(), c.stage(), c.ownerName(), c.industry(),
                        String.join(";", c.tags()), c.lastTouchedAt(), c.nextDueOn(), c.overdue(), c.healthScore())));
            }
            int total = written + page.items().size();
            if (page.nextCursor() == null || total >= MAX_EXPORT) {
                return Uni.createFrom().item(out);
            }
            return exportFrom(scope, filter, KeysetCursor.decode(CustomerQueries.cursorList(filter), page.nextCursor()), out, total);
        });
    }

    private Uni<UUID> owner(String email, List<Problem.FieldError> errors) {
        if (email == null) {
            return Uni.createFrom().nullItem();
        }
        return users.profileByEmail(email).map(u -> {
            if (u == null) {
                errors.add(new Problem.FieldError("owner_email", "is not a user of Canvass"));
                return null;
            }
            return u.id();
        });
    }

    private static CustomerRequests.Create request(Map<String, String> r, List<Problem.FieldError> errors) {
        Customer.Grade grade = parseEnum(Customer.Grade.class, r.get("grade"), "grade", errors);
        Customer.Stage stage = parseEnum(Customer.Stage.class, r.get("stage"), "stage", errors);
        Customer.Size size = parseEnum(Customer.Size.class, r.get("size"), "size", errors);
        Double lat = parseDouble(r.get("lat"), "lat", errors);
        Double lng = parseDouble(r.get("lng"), "lng", errors);
        if (grade == null && r.get("grade") == null) {
            errors.add(new Problem.FieldError("grade", "is required (A, B or C)"));
        }
        List<String> tags = r.get("tags") == null ? null : Arrays.stream(r.get("tags").split("[;；]")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        List<CustomerRequests.Contact> contacts = r.get("contact_name") == null ? null : List.of(new CustomerRequests.Contact(
                r.get("contact_name"), r.get("contact_title"), r.get("contact_phone"), r.get("contact_email"), null));
        if (r.get("contact_name") == null && (r.get("contact_phone") != null || r.get("contact_email") != null)) {
            errors.add(new Problem.FieldError("contact_name", "is required when a contact phone or email is given"));
        }
        return new CustomerRequests.Create(r.get("name") == null ? "" : r.get("name"), r.get("industry"), size, r.get("address"),
                lat, lng, null, grade, stage, stage == Customer.Stage.LOST ? "imported as lost" : null, r.get("source"), tags,
                r.get("notes"), null, contacts);
    }

    private static CustomerRequests.Create withOwner(CustomerRequests.Create c, UUID ownerId) {
        return new CustomerRequests.Create(c.name(), c.industry(), c.size(), c.address(), c.lat(), c.lng(), ownerId, c.grade(),
                c.stage(), c.lostReason(), c.source(), c.tags(), c.notes(), c.cadenceDaysOverride(), c.contacts());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String column, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(column, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Double parseDouble(String value, String column, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(column, "is not a number"));
            return null;
        }
    }

    /** Maps a request property path back to the CSV column it came from. */
    private static String column(String path) {
        if (path.startsWith("contacts")) {
            return "contact_" + path.substring(path.lastIndexOf('.') + 1);
        }
        return switch (path) {
            case "ownerId" -> "owner_email";
            default -> path.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        };
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }

    private static String key(String lowerName, String phoneDigits) {
        return lowerName + "|" + (phoneDigits == null ? "" : phoneDigits);
    }
}
