package avmon.cli.model;

/**
 * One row of a {@link ReferenceBook}: a price or a quota, with where it came from.
 *
 * @param id     stable key, e.g. {@code sfn.standard.transition}
 * @param item   what it is, in words
 * @param value  the number (USD for prices, a count or rate for quotas)
 * @param unit   its unit, e.g. {@code USD/transition}
 * @param date   when it was collected (year-month)
 * @param source where it was published, or the override file it came from
 */
public record BookEntry(String id, String item, double value, String unit, String date, String source) {
}
