package avmon.cli.model;

/**
 * How many concurrent streams one quota allows.
 *
 * @param quota   the quota row it comes from
 * @param demand  what one stream asks of that quota, in the quota's unit
 * @param streams concurrent streams the quota sustains ({@code Infinity} when it never binds)
 */
public record ScaleLimit(BookEntry quota, double demand, double streams) {
}
