package io.canvass.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.canvass.platform.Geo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PresenceTest {

    static final CheckInConfig CONFIG = new CheckInConfig() {
        public double geofenceRadiusMeters() { return 300; }
        public double maxAccuracyMeters() { return 100; }
        public Duration maxFixAge() { return Duration.ofMinutes(2); }
        public Duration maxClientAge() { return Duration.ofDays(7); }
        public Duration maxFutureSkew() { return Duration.ofMinutes(5); }
        public int maxPhotoBytes() { return 5_242_880; }
    };

    // People's Square, Shanghai
    static final double LAT = 31.2304;
    static final double LNG = 121.4737;

    @Test
    void haversineMatchesKnownDistances() {
        // one thousandth of a degree of latitude is about 111 m
        assertEquals(111.2, Geo.distanceMeters(LAT, LNG, LAT + 0.001, LNG), 0.2);
        // Shanghai to Beijing, about 1,067 km
        assertEquals(1_067_000, Geo.distanceMeters(31.2304, 121.4737, 39.9042, 116.4074), 5_000);
    }

    @Test
    void closeAccurateAndFreshIsVerified() {
        Presence.Verdict v = Presence.verify(new Presence.Fix(LAT + 0.001, LNG, 20.0, 5), LAT, LNG, CONFIG);
        assertTrue(v.verified());
        assertEquals(111, Math.round(v.distanceMeters()));
    }

    @Test
    void everyReasonIsReported() {
        assertEquals(Presence.Reason.NO_POSITION, Presence.verify(null, LAT, LNG, CONFIG).reason());
        assertEquals(Presence.Reason.NO_CUSTOMER_LOCATION, Presence.verify(new Presence.Fix(LAT, LNG, 10.0, 1), null, null, CONFIG).reason());
        assertEquals(Presence.Reason.STALE_FIX, Presence.verify(new Presence.Fix(LAT, LNG, 10.0, 600), LAT, LNG, CONFIG).reason());
        assertEquals(Presence.Reason.POOR_ACCURACY, Presence.verify(new Presence.Fix(LAT, LNG, 500.0, 1), LAT, LNG, CONFIG).reason());
        Presence.Verdict far = Presence.verify(new Presence.Fix(LAT + 0.01, LNG, 10.0, 1), LAT, LNG, CONFIG);
        assertEquals(Presence.Reason.TOO_FAR, far.reason());
        assertEquals(1112, Math.round(far.distanceMeters()));
    }

    @Test
    void theGeofenceEdgeIsInclusive() {
        double edge = 300 / 111_195.0;
        assertTrue(Presence.verify(new Presence.Fix(LAT + edge * 0.999, LNG, 10.0, 1), LAT, LNG, CONFIG).verified());
    }
}
