package avmon.cli.report;

import java.util.Locale;

/** How the reports write numbers: counts with separators, dollars with enough digits to read small ones. */
final class Figures {

    private Figures() {
    }

    static String count(double v) {
        if (Double.isInfinite(v)) {
            return "unlimited";
        }
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1 ? "%,.2f" : "%.3g", v);
    }

    static String usd(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "$%,.0f", v);
        }
        if (Math.abs(v) >= 0.01 || v == 0) {
            return String.format(Locale.ROOT, "$%,.2f", v);
        }
        return String.format(Locale.ROOT, "$%.3g", v);
    }

    /** USD per stream-hour: always four decimals so a column lines up. */
    static String usdHour(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A ceiling next to the expected load: "13.6% of the 2,000 expected" or "450 times the 2,000 expected". */
    static String shareOf(double fraction, int expected) {
        String p = percent(fraction);
        return p + (p.endsWith("times") ? " the " : " of the ") + count(expected) + " expected";
    }

    static String percent(double fraction) {
        if (Double.isInfinite(fraction)) {
            return "unlimited";
        }
        if (Math.abs(fraction) >= 10) {
            return String.format(Locale.ROOT, "%,.0f times", fraction);
        }
        return String.format(Locale.ROOT, Math.abs(fraction) <= 1 ? "%.1f%%" : "%.0f%%", fraction * 100);
    }
}
