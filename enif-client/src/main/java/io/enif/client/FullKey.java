package io.enif.client;

/**
 * A record's whole key, as the batch calls take it. A null key part counts as empty.
 *
 * @param hashKey the hash key
 * @param sortKey the sort key
 */
public record FullKey(byte[] hashKey, byte[] sortKey) {}
