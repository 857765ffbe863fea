/**
 * YCSB bindings ({@code site.ycsb.DB} subclasses) for Enif and for the stores it is compared with: Cassandra (the
 * DataStax Java driver), Redis (Jedis) and RocksDB (in-process), plus the launcher that runs a YCSB phase in a child
 * JVM for {@code enif bench} and {@code bench/compare.sh}.
 *
 * <p>Every binding stores a YCSB record the same way, through {@link io.enif.bench.ycsb.KeyValueBinding}: the YCSB
 * key is the store's key and the record's field map is one encoded value ({@link io.enif.bench.ycsb.RecordCodec}),
 * so the systems do the same work per operation. {@code docs/benchmarks.md} says why.
 */
package io.enif.bench.ycsb;
