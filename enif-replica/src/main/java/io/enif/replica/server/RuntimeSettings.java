package io.enif.replica.server;

import io.enif.common.config.Config;
import io.enif.replica.meta.MetaConnection;
import io.enif.replica.partition.CheckpointReserve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the replica server's mutable keys ({@code spec/ops-cluster.md} CFG-6) act on the running server when
 * {@code /updateConfig} (or a knob command) changes them:
 *
 * <ul>
 *   <li>{@code checkpoint_reserve_min_count}, {@code checkpoint_reserve_time_seconds}: every replica prunes its
 *       checkpoints by the new values from its next checkpoint on;
 *   <li>{@code config_sync_interval_ms}: the periodic config sync is rescheduled, the next one a new period from now.
 * </ul>
 *
 * <p>The copy-rate keys are wired by {@link ReplicaCommands}, the garbage-collection intervals by the server itself.
 */
final class RuntimeSettings {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeSettings.class);

    private RuntimeSettings() {}

    static void wire(Config settings, CheckpointReserve reserve, MetaConnection meta) {
        settings.addListener(ReplicaConfigKeys.CHECKPOINT_RESERVE_MIN_COUNT, count -> {
            reserve.setMinCount(count);
            LOG.info("replicas keep at least {} checkpoints from their next checkpoint on", count);
        });
        settings.addListener(ReplicaConfigKeys.CHECKPOINT_RESERVE_TIME_SECONDS, seconds -> {
            reserve.setTimeSeconds(seconds);
            LOG.info(
                    "replicas keep each checkpoint at least {} s from their next checkpoint on (0 = no time check)",
                    seconds);
        });
        settings.addListener(ReplicaConfigKeys.CONFIG_SYNC_INTERVAL_MS, interval -> {
            meta.setConfigSyncIntervalMs(interval.toMillis());
            LOG.info("config sync now every {} ms", interval.toMillis());
        });
    }
}
