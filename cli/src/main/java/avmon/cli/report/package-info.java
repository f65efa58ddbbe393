/**
 * The comparison report: from one measured run ({@link avmon.cli.model.MeasuredRun}), the price and quota books
 * and the assumptions to the answer: cost per stream-hour and per month by service, the concurrent streams each
 * design sustains and the quota that binds, the verdict on the case's two claims and how it moves with the
 * assumptions; shown as a terminal table, a self-contained HTML page with inline SVG charts, and
 * {@code report.json}. {@link avmon.cli.report.ComparisonReport#of} is the entry point; the flags are the
 * {@link avmon.cli.report.AssumptionOptions} and {@link avmon.cli.report.BookOptions} mixins.
 */
package avmon.cli.report;
