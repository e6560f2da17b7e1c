package io.canvass.platform;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Checks every query, path, header and form value a resource method declares before the method
 * runs, so a bad value is a 400 problem naming the parameter rather than a database error or a
 * bare 404:
 * <ul>
 * <li>text must be storable ({@link StoredText}: no U+0000, no unpaired surrogate);</li>
 * <li>a date or time must be readable and within {@link Dates};</li>
 * <li>a UUID, enum or number query (header, form) value must have that type; an unknown enum value
 * names the values allowed. A path value of the wrong type stays a 404: such an address names
 * nothing.</li>
 * </ul>
 * Runs after the form body is read, so form fields are checked like the others.
 */
public class ParameterRules {

    enum Source { QUERY, PATH, HEADER, FORM }

    /** One declared parameter: where its value comes from, its name and its (element) type. */
    record Declared(Source source, String name, Class<?> type) {
    }

    private final Map<Method, List<Declared>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    @WithFormRead
    public void check(ContainerRequestContext request, ServerRequestContext context, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Declared parameter : declared.computeIfAbsent(method, ParameterRules::declaredBy)) {
            for (String value : values(request, context, parameter)) {
                check(parameter, value);
            }
        }
    }

    private static List<String> values(ContainerRequestContext request, ServerRequestContext context, Declared parameter) {
        List<String> values = switch (parameter.source()) {
            case QUERY -> request.getUriInfo().getQueryParameters().get(parameter.name());
            case PATH -> request.getUriInfo().getPathParameters().get(parameter.name());
            case HEADER -> request.getHeaders().get(parameter.name());
            case FORM -> form(context, parameter.name());
        };
        return values == null ? List.of() : values;
    }

    private static List<String> form(ServerRequestContext context, String name) {
        if (context instanceof ResteasyReactiveRequestContext reactive && reactive.getFormData() != null) {
            Object value = reactive.getFormParameter(name, false, false);
            if (value instanceof Collection<?> many) {
                return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            }
            return value instanceof String one ? List.of(one) : List.of();
        }
        return List.of();
    }

    static void check(Declared parameter, String value) {
        StoredText.check(parameter.name(), value);
        Class<?> type = parameter.type();
        boolean typed = parameter.source() != Source.PATH;
        if (Dates.covers(type)) {
            Object date;
            try {
                date = parseDate(type, value.trim());
            } catch (DateTimeParseException e) {
                if (!typed) {
                    return;
                }
                throw ProblemException.invalid(parameter.name(), type == LocalDate.class
                        ? "must be a date such as 2026-11-25" : type == YearMonth.class ? "must be a month such as 2026-11"
                        : type == Year.class ? "must be a year such as 2026" : "must be a time such as 2026-11-25T08:00:00Z");
            }
            if (!Dates.inRange(date)) {
                throw ProblemException.invalid(parameter.name(), Dates.RANGE);
            }
        } else if (typed && type == UUID.class) {
            try {
                UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(parameter.name(), "must be a UUID");
            }
        } else if (typed && type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            if (Arrays.stream(constants).noneMatch(c -> ((Enum<?>) c).name().equals(value))) {
                throw ProblemException.invalid(parameter.name(), "must be one of "
                        + Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
            }
        } else if (typed && isWholeNumber(type)) {
            try {
                if (type == Long.class || type == long.class) {
                    Long.parseLong(value);
                } else {
                    Integer.parseInt(value);
                }
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(parameter.name(), "must be a whole number");
            }
        } else if (typed && (type == Double.class || type == double.class)) {
            try {
                if (!Double.isFinite(Double.parseDouble(value))) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw ProblemException.invalid(parameter.name(), "must be a number");
            }
        }
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class;
    }

    private static Object parseDate(Class<?> type, String value) {
        if (type == LocalDate.class) {
            return LocalDate.parse(value);
        }
        if (type == Instant.class) {
            return Instant.parse(value);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(value);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(value);
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.parse(value);
        }
        if (type == YearMonth.class) {
            return YearMonth.parse(value);
        }
        return Year.parse(value);
    }

    private static List<Declared> declaredBy(Method method) {
        List<Declared> found = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        for (Parameter parameter : parameters) {
            for (Annotation annotation : parameter.getAnnotations()) {
                Declared d = declared(parameter, annotation);
                if (d != null) {
                    found.add(d);
                }
            }
        }
        return List.copyOf(found);
    }

    private static Declared declared(Parameter parameter, Annotation annotation) {
        Class<?> type = elementType(parameter);
        if (annotation instanceof RestQuery q) {
            return new Declared(Source.QUERY, name(q.value(), parameter), type);
        }
        if (annotation instanceof QueryParam q) {
            return new Declared(Source.QUERY, q.value(), type);
        }
        if (annotation instanceof RestPath p) {
            return new Declared(Source.PATH, name(p.value(), parameter), type);
        }
        if (annotation instanceof PathParam p) {
            return new Declared(Source.PATH, p.value(), type);
        }
        if (annotation instanceof RestHeader h) {
            return new Declared(Source.HEADER, h.value().isEmpty() ? headerName(parameter.getName()) : h.value(), type);
        }
        if (annotation instanceof HeaderParam h) {
            return new Declared(Source.HEADER, h.value(), type);
        }
        if (annotation instanceof RestForm f) {
            return new Declared(Source.FORM, name(f.value(), parameter), type);
        }
        if (annotation instanceof FormParam f) {
            return new Declared(Source.FORM, f.value(), type);
        }
        return null;
    }

    private static String name(String given, Parameter parameter) {
        return given == null || given.isEmpty() ? parameter.getName() : given;
    }

    /** RESTEasy's rule for an unnamed header parameter: ifMatch is If-Match. */
    private static String headerName(String parameterName) {
        return parameterName.replaceAll("([a-z])([A-Z])", "$1-$2");
    }

    private static Class<?> elementType(Parameter parameter) {
        if (Collection.class.isAssignableFrom(parameter.getType()) && parameter.getParameterizedType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return parameter.getType();
    }
}
