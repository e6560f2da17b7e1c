package io.canvass.checkin;

import io.canvass.platform.Geo;

/**
 * Honest evidence of presence: the distance from the customer (haversine) and a verdict with its
 * reason. A check-in is never refused for being far; it is flagged.
 */
public final class Presence {

    /** Why a check-in could not be verified. */
    public enum Reason { TOO_FAR, POOR_ACCURACY, STALE_FIX, NO_POSITION, NO_CUSTOMER_LOCATION }

    /** The verdict: verified when {@code reason} is null; {@code distanceMeters} when both positions are known. */
    public record Verdict(boolean verified, Reason reason, Double distanceMeters) {
    }

    /** A phone's position fix. */
    public record Fix(Double lat, Double lng, Double accuracyMeters, Integer fixAgeSeconds) {
    }

    private Presence() {
    }

    /** Checks in order: a position at all, a customer location, the fix's age and accuracy, then the distance. */
    public static Verdict verify(Fix fix, Double customerLat, Double customerLng, CheckInConfig config) {
        if (fix == null || fix.lat() == null || fix.lng() == null) {
            return new Verdict(false, Reason.NO_POSITION, null);
        }
        if (customerLat == null || customerLng == null) {
            return new Verdict(false, Reason.NO_CUSTOMER_LOCATION, null);
        }
        double distance = Geo.distanceMeters(fix.lat(), fix.lng(), customerLat, customerLng);
        if (fix.fixAgeSeconds() != null && fix.fixAgeSeconds() > config.maxFixAge().toSeconds()) {
            return new Verdict(false, Reason.STALE_FIX, distance);
        }
        if (fix.accuracyMeters() == null || fix.accuracyMeters() > config.maxAccuracyMeters()) {
            return new Verdict(false, Reason.POOR_ACCURACY, distance);
        }
        if (distance > config.geofenceRadiusMeters()) {
            return new Verdict(false, Reason.TOO_FAR, distance);
        }
        return new Verdict(true, null, distance);
    }
}
