/**
 * The read path: get, ttl, batch_get, multi_get (point lookups and ranges, forward and reverse) and sortkey_count,
 * with the server-side limits of Pegasus (records examined, bytes returned, iteration time). Reads are thread-safe:
 * they only use RocksDB's thread-safe reads and iterators, each iterator confined to one call. Expired records are
 * invisible; RocksDB failures become the response's error code, never an exception.
 */
package io.enif.storage.read;
