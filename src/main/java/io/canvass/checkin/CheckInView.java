package io.canvass.checkin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A check-in as the API shows it, with its verdict and evidence. {@code userName} (the rep's display name, as the
 * live feed carries it) is given by the list and the single read, not by the answer to recording one.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInView(UUID id, long seq, UUID userId, String userName, UUID teamId, UUID customerId, String customerName,
                          Instant clientTime, Instant receivedAt, Double lat, Double lng, Double accuracyMeters,
                          Integer fixAgeSeconds, Double distanceMeters, CheckIn.Verdict verdict,
                          Presence.Reason unverifiedReason, CheckIn.Purpose purpose, String notes, String outcome,
                          String nextAction, LocalDate nextActionDue, UUID followUpId, boolean hasPhoto) {

    static CheckInView of(CheckIn c, String userName, String customerName, boolean hasPhoto) {
        return new CheckInView(c.id, c.seq == null ? 0 : c.seq, c.userId, userName, c.teamId, c.customerId, customerName, c.clientTime,
                c.receivedAt, c.lat, c.lng, c.accuracyMeters, c.fixAgeSeconds, c.distanceMeters == null ? null : Math.round(c.distanceMeters * 10) / 10.0,
                c.verdict, c.unverifiedReason, c.purpose, c.notes, c.outcome, c.nextAction, c.nextActionDue, c.followUpId, hasPhoto);
    }
}
