package io.enif.client;

/**
 * What checkAndMutate returns. A failed check is not an error: {@code mutateSucceed} is false.
 *
 * @param mutateSucceed whether the check passed and every mutation was applied
 * @param checkValueReturned whether the check value is reported (the call asked for it)
 * @param checkValueExist whether the check sort key had a live value before the call (when returned)
 * @param checkValue that value (when returned and present)
 */
public record CheckAndMutateResult(
        boolean mutateSucceed, boolean checkValueReturned, boolean checkValueExist, byte[] checkValue) {}
