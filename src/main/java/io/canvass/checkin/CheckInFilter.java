package io.canvass.checkin;

import java.time.Instant;
import java.util.UUID;

/** Which check-ins to list; null fields do not filter; received between {@code from} and {@code to}. */
public record CheckInFilter(UUID userId, UUID teamId, UUID customerId, CheckIn.Verdict verdict, Instant from, Instant to) {
}
