/**
 * Checkpoints of a replica's database: directories named {@code checkpoint.<decree>} (Pegasus's layout under
 * {@code data/}), each a complete RocksDB made by RocksDB's Checkpoint right after a flush, so it holds exactly the
 * data of its decree. Learners copy one and open it as their store. This package names, lists, copies and prunes
 * them; {@link io.enif.storage.PartitionStore#createCheckpoint} makes them.
 */
package io.enif.storage.checkpoint;
