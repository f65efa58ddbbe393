package avmon.core.detect;

/** Durations compared the way FFmpeg compares them. */
final class Durations {

    private static final double MICROS = 1e6;

    private Durations() {
    }

    /**
     * Whether {@code seconds} is at least {@code minimum}, both in whole microseconds, as FFmpeg compares
     * durations. Stream times are a timestamp times a time base minus an origin, so two times exactly 2 s apart
     * can subtract to a hair under 2.0 (16.84 - 14.840000000000002 = 1.9999999999999982).
     */
    static boolean atLeast(double seconds, double minimum) {
        return Math.round(seconds * MICROS) >= Math.round(minimum * MICROS);
    }
}
