package io.enif.meta.state;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A table's metadata, Pegasus's {@code app_info} ({@code spec/ops-recovery-and-architecture.md} §6.2).
 *
 * @param appId the table id, never reused
 * @param appName the table name
 * @param appType the storage type, {@code pegasus} for every Enif table
 * @param status the table's status
 * @param partitionCount the number of partitions, a power of two
 * @param maxReplicaCount the wanted number of replicas per partition (primary included)
 * @param envs the table envs, sorted by key
 * @param stateful whether the table keeps data (always true for Enif tables)
 * @param createSecond creation time, Unix seconds
 * @param dropSecond drop time, Unix seconds (0 when not dropped)
 * @param expireSecond when a dropped table's data may be deleted, Unix seconds (0 when not dropped)
 */
public record TableInfo(
        int appId,
        String appName,
        String appType,
        AppStatus status,
        int partitionCount,
        int maxReplicaCount,
        Map<String, String> envs,
        boolean stateful,
        long createSecond,
        long dropSecond,
        long expireSecond) {

    /** The app type of every Enif table. */
    public static final String PEGASUS_APP_TYPE = "pegasus";

    public TableInfo {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(status, "status");
        if (partitionCount <= 0) {
            throw new IllegalArgumentException("partition count must be positive, got " + partitionCount);
        }
        if (maxReplicaCount <= 0) {
            throw new IllegalArgumentException("max replica count must be positive, got " + maxReplicaCount);
        }
        envs = Collections.unmodifiableMap(new TreeMap<>(envs));
    }

    /** A newly available stateful {@code pegasus} table without envs. */
    public static TableInfo available(
            int appId, String appName, int partitionCount, int maxReplicaCount, long createSecond) {
        return new TableInfo(
                appId,
                appName,
                PEGASUS_APP_TYPE,
                AppStatus.AS_AVAILABLE,
                partitionCount,
                maxReplicaCount,
                Map.of(),
                true,
                createSecond,
                0,
                0);
    }

    /** This table with another status. */
    public TableInfo withStatus(AppStatus newStatus) {
        return new TableInfo(
                appId,
                appName,
                appType,
                newStatus,
                partitionCount,
                maxReplicaCount,
                envs,
                stateful,
                createSecond,
                dropSecond,
                expireSecond);
    }

    /** This table with other envs. */
    public TableInfo withEnvs(Map<String, String> newEnvs) {
        return new TableInfo(
                appId,
                appName,
                appType,
                status,
                partitionCount,
                maxReplicaCount,
                newEnvs,
                stateful,
                createSecond,
                dropSecond,
                expireSecond);
    }

    /** This table dropped at {@code dropSecond}, recallable until {@code expireSecond}. */
    public TableInfo dropped(long dropSecondValue, long expireSecondValue) {
        return new TableInfo(
                appId,
                appName,
                appType,
                AppStatus.AS_DROPPED,
                partitionCount,
                maxReplicaCount,
                envs,
                stateful,
                createSecond,
                dropSecondValue,
                expireSecondValue);
    }

    /** This dropped table recalled under {@code newName}: available again, drop and expire times cleared. */
    public TableInfo recalled(String newName) {
        return new TableInfo(
                appId,
                newName,
                appType,
                AppStatus.AS_AVAILABLE,
                partitionCount,
                maxReplicaCount,
                envs,
                stateful,
                createSecond,
                0,
                0);
    }

    /** This table with another max replica count. */
    public TableInfo withMaxReplicaCount(int count) {
        return new TableInfo(
                appId,
                appName,
                appType,
                status,
                partitionCount,
                count,
                envs,
                stateful,
                createSecond,
                dropSecond,
                expireSecond);
    }

    /** Whether a dropped table's reserve time has passed at {@code nowSecond}. */
    public boolean expiredAt(long nowSecond) {
        return status == AppStatus.AS_DROPPED && nowSecond >= expireSecond;
    }
}
