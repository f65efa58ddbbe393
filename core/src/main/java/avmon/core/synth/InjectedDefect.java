package avmon.core.synth;

import avmon.core.detect.DefectType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A defect to inject into a generated stream.
 *
 * @param type  what to inject
 * @param start stream time in seconds where it starts
 * @param end   stream time in seconds where it ends (exclusive)
 * @param value for {@link DefectType#AV_SYNC}: the offset in seconds (audio minus video, positive: audio late);
 *              null for the other types
 */
public record InjectedDefect(DefectType type, double start, double end, Double value) {

    private static final Pattern TEXT =
            Pattern.compile("([a-z_]+)@([0-9.]+)\\+([0-9.]+)(?:=(-?[0-9.]+))?");

    public InjectedDefect {
        if (!(start >= 0) || !(end > start)) {
            throw new IllegalArgumentException(type.jsonName() + ": needs 0 <= start < end, got " + start + ".." + end);
        }
        if ((type == DefectType.AV_SYNC) != (value != null)) {
            throw new IllegalArgumentException(type.jsonName()
                    + (value == null ? ": needs an offset (=seconds)" : ": takes no value"));
        }
    }

    /** A defect without value, from {@code start} for {@code duration} seconds. */
    public static InjectedDefect of(DefectType type, double start, double duration) {
        return new InjectedDefect(type, start, start + duration, null);
    }

    /** Audio shifted by {@code offset} seconds relative to the pictures, from {@code start} for {@code duration}. */
    public static InjectedDefect avSync(double start, double duration, double offset) {
        return new InjectedDefect(DefectType.AV_SYNC, start, start + duration, offset);
    }

    /**
     * Reads {@code type@start+duration}, or {@code av_sync@start+duration=offset}: {@code freeze@3.0+3.2} is a
     * freeze from 3.0 s to 6.2 s.
     *
     * @throws IllegalArgumentException when the text does not have that form
     */
    public static InjectedDefect parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("defect '" + text
                    + "' is not type@start+duration (e.g. freeze@3.0+3.2, av_sync@4.5+6=0.12)");
        }
        DefectType type;
        try {
            type = DefectType.fromJson(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown defect type '" + m.group(1) + "' in '" + text + "'", e);
        }
        double start = Double.parseDouble(m.group(2));
        double end = start + Double.parseDouble(m.group(3));
        Double value = m.group(4) == null ? null : Double.valueOf(m.group(4));
        return new InjectedDefect(type, start, end, value);
    }

    /** Whether stream time {@code t} lies in {@code [start, end)}. */
    public boolean covers(double t) {
        return t >= start && t < end;
    }
}
