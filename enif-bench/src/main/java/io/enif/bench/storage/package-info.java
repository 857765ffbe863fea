/**
 * JMH benchmarks of the partition store against raw RocksDB JNI calls on a database opened with the same options
 * object ({@link io.enif.storage.rocks.RocksOptionsFactory}), so the ratio shows what Enif's layer costs.
 */
package io.enif.bench.storage;
