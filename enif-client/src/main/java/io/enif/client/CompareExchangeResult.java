package io.enif.client;

/**
 * What compareExchange returns.
 *
 * @param setSucceed whether the value equalled the expected one and was replaced
 * @param actualValue when not set: the value found, or null when the key was absent; null when set
 */
public record CompareExchangeResult(boolean setSucceed, byte[] actualValue) {}
