package io.enif.client;

/**
 * One row of a hash key as multiGet returns it.
 *
 * @param sortKey the sort key
 * @param value the value (empty when the call asked for no values)
 */
public record SortKeyValue(byte[] sortKey, byte[] value) {}
