package io.enif.client;

/**
 * Options of {@link EnifTable#checkAndMutate}.
 *
 * @param returnCheckValue whether to return the check sort key's value as it was before the call
 */
public record CheckAndMutateOptions(boolean returnCheckValue) {

    /** No check value returned. */
    public static CheckAndMutateOptions defaults() {
        return new CheckAndMutateOptions(false);
    }
}
