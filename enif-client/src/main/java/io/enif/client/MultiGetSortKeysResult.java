package io.enif.client;

import java.util.List;

/**
 * What multiGetSortKeys returns.
 *
 * @param allFetched false when a fetch limit stopped the read while more sort keys remained
 * @param sortKeys the sort keys found, ascending
 */
public record MultiGetSortKeysResult(boolean allFetched, List<byte[]> sortKeys) {}
