package avmon.local.sfn.api;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items     the items on this page
 * @param nextToken the token for the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }
}
