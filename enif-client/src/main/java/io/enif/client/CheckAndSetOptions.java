package io.enif.client;

/**
 * Options of {@link EnifTable#checkAndSet}.
 *
 * @param setValueTtlSeconds the TTL of the value set, seconds; 0 = none; must not be negative
 * @param returnCheckValue whether to return the check sort key's value as it was before the call
 */
public record CheckAndSetOptions(int setValueTtlSeconds, boolean returnCheckValue) {

    /** No TTL, no check value returned. */
    public static CheckAndSetOptions defaults() {
        return new CheckAndSetOptions(0, false);
    }
}
