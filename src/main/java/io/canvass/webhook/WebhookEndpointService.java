package io.canvass.webhook;

import io.canvass.audit.AuditService;
import io.canvass.platform.Cursor;
import io.canvass.platform.ETags;
import io.canvass.platform.Ids;
import io.canvass.platform.Page;
import io.canvass.platform.ProblemException;
import io.canvass.platform.Role;
import io.canvass.platform.Scope;
import io.canvass.platform.ScopeService;
import io.canvass.platform.Sql;
import io.canvass.platform.outbound.Destination;
import io.canvass.platform.outbound.OutboundGuard;
import io.canvass.platform.outbound.OutboundRefused;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook endpoints: admins manage all of them, an integration account only its own (and it
 * receives only the events of the teams it may see). Secrets are generated here, shown once and
 * stored encrypted; a rotation keeps the previous one signing for an overlap.
 */
@ApplicationScoped
public class WebhookEndpointService {

    static final Duration MAX_OVERLAP = Duration.ofDays(7);

    static final String DELIVERIES = """
            select d.id, d.event_id, v.type, v.occurred_at, d.status, d.attempts, d.last_attempt_at, d.last_status,
                   d.last_error, d.last_latency_ms, d.next_attempt_at, d.delivered_at
            from webhook_delivery d join webhook_event v on v.id = d.event_id
            where d.endpoint_id = $1 and d.id < $2 and ($3::varchar is null or d.status = $3)
            order by d.id desc limit $4""";

    static final String REDELIVER = """
            update webhook_delivery set status = 'PENDING', next_attempt_at = now(), delivered_at = null
            where id = $1 and endpoint_id = $2 and status <> 'PENDING' returning id""";

    @Inject
    WebhookEndpointRepository endpoints;

    @Inject
    ScopeService scopes;

    @Inject
    OutboundGuard guard;

    @Inject
    SecretBox box;

    @Inject
    WebhookConfig config;

    @Inject
    AuditService audit;

    @Inject
    Sql sql;

    @WithTransaction
    public Uni<WebhookViews.WithSecret> create(WebhookRequests.Create request) {
        URI uri = parseUrl(request.url());
        String[] types = eventTypes(request.eventTypes());
        return scopes.current().chain(scope -> checkUrl(uri).chain(target -> {
            WebhookEndpoint e = new WebhookEndpoint();
            e.id = Ids.newId();
            e.ownerId = scope.userId();
            e.url = uri.toString();
            e.description = request.description();
            e.eventTypes = types;
            e.teamIds = scope.everything() ? null : scope.teams().toArray(UUID[]::new);
            e.active = true;
            String secret = WebhookSignature.newSecret();
            e.secretEnc = box.seal(secret);
            return endpoints.persist(e)
                    .call(() -> audit.record(scope.userId(), "webhook.created", "webhook_endpoint", e.id, null, snapshot(e)))
                    .call(() -> endpoints.flush())
                    .map(saved -> new WebhookViews.WithSecret(WebhookViews.Endpoint.of(e), secret));
        }));
    }

    @WithSession
    public Uni<Page<WebhookViews.Endpoint>> list(String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return scopes.current().chain(scope -> endpoints.page(scope.role() == Role.ADMIN ? null : scope.userId(), after, limit + 1))
                .map(rows -> Page.of(rows, limit, e -> e.id, WebhookViews.Endpoint::of));
    }

    @WithSession
    public Uni<WebhookViews.Endpoint> get(UUID id) {
        return scopes.current().chain(scope -> visible(scope, id)).map(WebhookViews.Endpoint::of);
    }

    @WithTransaction
    public Uni<WebhookViews.Endpoint> update(UUID id, WebhookRequests.Update request, Integer expectedVersion) {
        URI uri = request.url() == null ? null : parseUrl(request.url());
        String[] types = request.eventTypes() == null ? null : eventTypes(request.eventTypes());
        return scopes.current().chain(scope -> visible(scope, id).chain(e -> {
            ETags.check(expectedVersion, e.version);
            Map<String, Object> before = snapshot(e);
            Uni<Void> checked = uri == null ? Uni.createFrom().voidItem() : checkUrl(uri).replaceWithVoid();
            return checked.<WebhookEndpoint>map(ok -> {
                if (uri != null) {
                    e.url = uri.toString();
                }
                if (request.description() != null) {
                    e.description = request.description();
                }
                if (types != null) {
                    e.eventTypes = types;
                }
                if (request.active() != null && request.active() != e.active) {
                    e.active = request.active();
                    if (e.active) {
                        e.failingSince = null;
                        e.disabledAt = null;
                        e.disabledReason = null;
                    }
                }
                return e;
            })
                    .call(() -> audit.record(scope.userId(), "webhook.updated", "webhook_endpoint", e.id, before, snapshot(e)))
                    .call(() -> endpoints.flush())
                    .map(WebhookViews.Endpoint::of);
        }));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return scopes.current().chain(scope -> visible(scope, id)
                .call(e -> audit.record(scope.userId(), "webhook.deleted", "webhook_endpoint", e.id, snapshot(e), null))
                .call(e -> endpoints.delete(e))).replaceWithVoid();
    }

    /** A new secret; the previous one keeps signing (a second signature) until the overlap ends. */
    @WithTransaction
    public Uni<WebhookViews.WithSecret> rotate(UUID id, WebhookRequests.Rotate request) {
        Duration overlap = request == null || request.overlap() == null ? config.rotationOverlap() : request.overlap();
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw ProblemException.invalid("overlap", "must be between PT0S and P7D");
        }
        return scopes.current().chain(scope -> visible(scope, id).chain(e -> {
            String secret = WebhookSignature.newSecret();
            if (overlap.isZero()) {
                e.previousSecretEnc = null;
                e.previousSecretUntil = null;
            } else {
                e.previousSecretEnc = e.secretEnc;
                e.previousSecretUntil = Instant.now().plus(overlap);
            }
            e.secretEnc = box.seal(secret);
            return audit.record(scope.userId(), "webhook.secret_rotated", "webhook_endpoint", e.id, null,
                            Map.of("overlap", overlap.toString()))
                    .call(() -> endpoints.flush())
                    .map(v -> new WebhookViews.WithSecret(WebhookViews.Endpoint.of(e), secret));
        }));
    }

    @WithSession
    public Uni<Page<WebhookViews.Delivery>> deliveries(UUID id, String status, String cursor, int limit) {
        UUID before = cursor == null || cursor.isBlank() ? new UUID(-1L, -1L) : Cursor.decode(cursor);
        return scopes.current().chain(scope -> visible(scope, id))
                .chain(e -> sql.query(DELIVERIES, Tuple.of(e.id, before, status, limit + 1)))
                .map(rows -> {
                    List<WebhookViews.Delivery> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new WebhookViews.Delivery(r.getUUID("id"), r.getUUID("event_id"), r.getString("type"),
                                instant(r, "occurred_at"), r.getString("status"), r.getInteger("attempts"),
                                instant(r, "last_attempt_at"), r.getInteger("last_status"), r.getString("last_error"),
                                r.getInteger("last_latency_ms"),
                                "PENDING".equals(r.getString("status")) ? instant(r, "next_attempt_at") : null,
                                instant(r, "delivered_at")));
                    }
                    return Page.of(list, limit, WebhookViews.Delivery::id, d -> d);
                });
    }

    /** Sends a delivered or failed message again (same event id, so receivers can dedupe). */
    @WithSession
    public Uni<Void> redeliver(UUID id, UUID deliveryId) {
        return scopes.current().chain(scope -> visible(scope, id)).chain(e -> {
            if (!e.active) {
                throw ProblemException.conflict("The endpoint is disabled; enable it first");
            }
            return sql.query(REDELIVER, Tuple.of(deliveryId, e.id));
        }).map(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("Delivery (or it is still pending)");
            }
            return null;
        });
    }

    /** The receiver URL's syntax and scheme; a 400 naming {@code url} when refused. */
    private URI parseUrl(String url) {
        try {
            return guard.parse(url, WebhookDispatcher.reach(config));
        } catch (OutboundRefused e) {
            throw e.invalid("url");
        }
    }

    /** Where the receiver URL leads; a 400 naming {@code url} when it is not a public address. */
    private Uni<Destination> checkUrl(URI uri) {
        return guard.check(uri, WebhookDispatcher.reach(config))
                .onFailure(OutboundRefused.class).transform(e -> ((OutboundRefused) e).invalid("url"));
    }

    private Uni<WebhookEndpoint> visible(Scope scope, UUID id) {
        return endpoints.findById(id)
                .map(e -> e != null && (scope.role() == Role.ADMIN || e.ownerId.equals(scope.userId())) ? e : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Webhook endpoint"));
    }

    private static String[] eventTypes(List<String> requested) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i).trim();
            if (WebhookEventType.of(type).isEmpty()) {
                throw ProblemException.invalid("eventTypes[" + i + "]", "is not an event type; see GET /api/v1/webhooks/event-types");
            }
            types.add(type);
        }
        return types.toArray(String[]::new);
    }

    private static Map<String, Object> snapshot(WebhookEndpoint e) {
        return Map.of("url", e.url, "eventTypes", List.of(e.eventTypes), "active", e.active,
                "description", e.description == null ? "" : e.description);
    }

    private static Instant instant(Row r, String column) {
        var value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
