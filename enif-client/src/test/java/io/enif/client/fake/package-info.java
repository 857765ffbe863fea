/**
 * A fake cluster for the client's tests, on loopback with port 0: fake meta servers answering query_cfg, create, drop
 * and list from an in-memory table map, and fake replica servers serving real {@code PartitionStore}s (RocksDB in a
 * temp dir) with writes applied directly, no replication. Faults are scripted per message name.
 */
package io.enif.client.fake;
