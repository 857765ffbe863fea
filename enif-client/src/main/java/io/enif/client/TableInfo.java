package io.enif.client;

import java.util.Map;

/**
 * A table as {@link EnifClient#listApps} reports it.
 *
 * @param name the table name
 * @param appId the table id
 * @param status Pegasus's app status name, e.g. {@code AS_AVAILABLE} or {@code AS_DROPPED}
 * @param partitionCount the number of partitions
 * @param replicaCount the number of replicas of each partition
 * @param envs the table's environment variables
 * @param createSecond when it was created, Unix seconds
 * @param dropSecond when it was dropped, Unix seconds (0 when it is not dropped)
 */
public record TableInfo(
        String name,
        int appId,
        String status,
        int partitionCount,
        int replicaCount,
        Map<String, String> envs,
        long createSecond,
        long dropSecond) {}
