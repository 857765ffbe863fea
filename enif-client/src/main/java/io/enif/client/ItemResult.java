package io.enif.client;

import java.util.List;

/**
 * The outcome of one item of a {@code batch…2} call: a value or the failure of that item alone.
 *
 * @param value the item's value (null for writes, and for a get that found nothing)
 * @param error the item's failure, or null when it succeeded
 * @param <T> the value type
 */
public record ItemResult<T>(T value, EnifClientException error) {

    /** Whether the item succeeded. */
    public boolean isOk() {
        return error == null;
    }

    /** How many items of {@code results} succeeded. */
    public static int successCount(List<? extends ItemResult<?>> results) {
        int count = 0;
        for (ItemResult<?> result : results) {
            if (result.isOk()) {
                count++;
            }
        }
        return count;
    }
}
