/**
 * Server-side scanners ({@code protocol.md} §12): get_scanner opens a RocksDB iterator over a range of encoded keys
 * and returns the first batch; when records remain, the iterator and the scan's settings are kept in a
 * {@link io.enif.storage.scan.ScanContext} under a fresh handle that scan continues from. A context is used by one RPC
 * at a time (taking it removes it from the cache), lives at most the idle timeout between RPCs, and is closed when the
 * range is exhausted, on clear_scanner, on an error, and when the store closes.
 */
package io.enif.storage.scan;
