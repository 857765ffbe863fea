package io.enif.client;

/**
 * What checkAndSet returns. A failed check is not an error: {@code setSucceed} is false.
 *
 * @param setSucceed whether the check passed and the value was set
 * @param checkValueReturned whether the check value is reported (the call asked for it)
 * @param checkValueExist whether the check sort key had a live value before the call (when returned)
 * @param checkValue that value (when returned and present)
 */
public record CheckAndSetResult(
        boolean setSucceed, boolean checkValueReturned, boolean checkValueExist, byte[] checkValue) {}
