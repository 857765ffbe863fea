package io.enif.client;

import java.util.List;

/**
 * What multiGet returns.
 *
 * @param allFetched false when a fetch limit (the caller's or the server's) stopped the read while more rows remained;
 *     to page on, start the next call exclusively after the last sort key returned
 * @param values the rows found, in ascending sort-key order
 */
public record MultiGetResult(boolean allFetched, List<SortKeyValue> values) {}
