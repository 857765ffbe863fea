package io.enif.client;

/**
 * One record a scanner returns.
 *
 * @param hashKey the hash key
 * @param sortKey the sort key
 * @param value the value (empty when the scan asked for no values)
 */
public record ScanRecord(byte[] hashKey, byte[] sortKey, byte[] value) {}
