package io.enif.replica.partition;

import io.enif.common.Gpid;
import io.enif.replication.PartitionStatus;

/**
 * What a partition runner last published about its replica, readable from any thread (config sync, status pages).
 *
 * @param gpid the partition
 * @param ballot the replica's ballot
 * @param status its role
 * @param lastCommittedDecree the commit point
 * @param lastPreparedDecree the highest decree prepared
 * @param lastAppliedDecree what the storage holds
 * @param lastDurableDecree the newest checkpoint's decree
 * @param firstLogDecree the smallest decree the private log still holds, as last reported to the core
 */
public record ReplicaSnapshot(
        Gpid gpid,
        long ballot,
        PartitionStatus status,
        long lastCommittedDecree,
        long lastPreparedDecree,
        long lastAppliedDecree,
        long lastDurableDecree,
        long firstLogDecree) {}
