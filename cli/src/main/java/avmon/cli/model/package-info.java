/**
 * The cost and scale model: reference books of AWS prices and quotas (data, each row dated and sourced,
 * overridable from a file), the usage one stream causes in an hour in each design (measured by a run),
 * and the arithmetic that turns usage into dollars per stream-hour and into the number of concurrent
 * streams each design sustains before a quota stops it.
 */
package avmon.cli.model;
