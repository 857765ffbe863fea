package io.enif.replica.server;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigJson;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rpc.RpcSpec;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.peer.RateLimiter;
import io.enif.rpc.command.CommandRegistry;
import io.enif.rpc.command.CommandReplies;
import io.enif.rpc.command.KnobCommand;
import io.enif.rpc.command.RemoteCommand;
import io.enif.rpc.ops.LogLevels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica server's remote commands ({@code spec/ops-cluster.md} §4.2) and the levers they turn:
 *
 * <ul>
 *   <li>{@code replica.kill_partition [app_id [pidx]]}: each targeted replica goes down the error path (it stops
 *       serving, closes with its store flushed, its directory is moved aside as {@code .err}); the meta server then
 *       sees it missing and rebuilds it;
 *   <li>{@code replica.deny-client [true|false]}: node-wide, client reads and writes are dropped unanswered
 *       ({@link #admits}, a dispatcher filter);
 *   <li>{@code nfs.max_copy_rate_megabytes_per_disk}, {@code nfs.max_send_rate_megabytes_per_disk}: the learning copy
 *       limiters of every disk, through the mutable config keys;
 *   <li>{@code replica.query-app-envs}: the table envs each replica last received;
 *   <li>{@code replica.trigger-checkpoint [ids]}: flush and checkpoint now; {@code replica.query-compact [ids]}: the
 *       manual-compaction state, both worded as Pegasus's replica server does ({@link ReplicaTargets}).
 * </ul>
 */
final class ReplicaCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaCommands.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final Set<String> CLIENT_RPCS =
            ClientRpcs.all().stream().map(RpcSpec::name).collect(Collectors.toUnmodifiableSet());

    private final ReplicaManager manager;
    private final AtomicBoolean denyClient = new AtomicBoolean();

    ReplicaCommands(ReplicaManager manager) {
        this.manager = manager;
    }

    /** The dispatcher filter of {@code replica.deny-client}: false for a client request while clients are denied. */
    Predicate<io.enif.proto.frame.RequestFrame> admits() {
        return frame -> !denyClient.get() || !CLIENT_RPCS.contains(frame.name());
    }

    /**
     * Registers the commands, and makes runtime changes of the copy-rate keys act on the limiters.
     *
     * @param copyLimits the per-disk limiters of data pulled from peers
     * @param sendLimits the per-disk limiters of data served to peers
     */
    void register(
            CommandRegistry registry,
            Config config,
            Collection<RateLimiter> copyLimits,
            Collection<RateLimiter> sendLimits) {
        config.addListener(ReplicaConfigKeys.MAX_COPY_RATE_MEGABYTES_PER_DISK, mb -> {
            copyLimits.forEach(limit -> limit.setMegabytes(mb));
            LOG.info("learning copy rate per disk is now {} MiB/s (0 = unlimited)", mb);
        });
        config.addListener(ReplicaConfigKeys.MAX_SEND_RATE_MEGABYTES_PER_DISK, mb -> {
            sendLimits.forEach(limit -> limit.setMegabytes(mb));
            LOG.info("learning send rate per disk is now {} MiB/s (0 = unlimited)", mb);
        });
        registry.register(RemoteCommand.of(
                        "replica.kill_partition",
                        "[app_id [partition_index]]",
                        "Close replicas as in error (all, one table's, or one); the meta server rebuilds them",
                        this::killPartition))
                .register(KnobCommand.ofBoolean(
                        "replica.deny-client",
                        "Drop every client read and write of this node unanswered",
                        denyClient::get,
                        deny -> {
                            denyClient.set(deny);
                            LOG.warn("client requests are {} on this node", deny ? "DENIED" : "served again");
                        },
                        () -> false))
                .register(RemoteCommand.of(
                        "replica.query-app-envs",
                        "[app_id|app_id.pidx,...]",
                        "The table envs as each replica last received them",
                        this::queryAppEnvs))
                .register(RemoteCommand.of(
                        "replica.trigger-checkpoint",
                        "[app_id|app_id.pidx,...]",
                        "Flush and checkpoint the replicas now (all, or the named ones); each answers triggered",
                        args -> onReplicas(args, runner -> {
                            runner.triggerCheckpoint();
                            return "triggered";
                        })))
                .register(RemoteCommand.of(
                        "replica.query-compact",
                        "[app_id|app_id.pidx,...]",
                        "The manual-compaction state of the replicas (all, or the named ones)",
                        args -> onReplicas(args, ReplicaCommands::compactState)))
                .register(verboseLog(
                        "replica.verbose-client-log",
                        "Log every client read and write at DEBUG",
                        "io.enif.replica.handler"))
                .register(verboseLog(
                        "replica.verbose-commit-log",
                        "Log the replication of every mutation at DEBUG",
                        "io.enif.replica.partition"))
                .register(RemoteCommand.of(
                        "useless-dir-reserve-seconds",
                        "[seconds | DEFAULT]",
                        "Legacy: set both gc_disk_error_replica_interval_seconds and"
                                + " gc_disk_garbage_replica_interval_seconds",
                        args -> uselessDirReserve(config, args)))
                .register(KnobCommand.ofConfig(
                        "nfs.max_copy_rate_megabytes_per_disk",
                        "The learning copy rate into one disk, MiB/s (0 = unlimited)",
                        config,
                        ReplicaConfigKeys.MAX_COPY_RATE_MEGABYTES_PER_DISK))
                .register(KnobCommand.ofConfig(
                        "nfs.max_send_rate_megabytes_per_disk",
                        "The rate at which one disk serves learners, MiB/s (0 = unlimited)",
                        config,
                        ReplicaConfigKeys.MAX_SEND_RATE_MEGABYTES_PER_DISK));
    }

    private String onReplicas(List<String> args, Function<PartitionRunner, String> command) {
        HostPort self = manager.self();
        return ReplicaTargets.run(args, String.valueOf(self), List.copyOf(manager.runners()), command);
    }

    /**
     * Pegasus's manual-compaction state of one replica: {@code recent_enqueue_at}, {@code recent_start_at}, {@code
     * last_finish} ({@code YYYY-MM-DD hh:mm:ss}) and {@code last_used_ms}, {@code -} when unknown. Enif's store
     * records the last finish time with the data; no compaction is queued or running between remote commands.
     */
    static String compactState(PartitionRunner runner) {
        long finish;
        try {
            finish = runner.store().lastManualCompactFinishTime();
        } catch (RuntimeException e) {
            return CommandReplies.error("cannot read the store: " + e.getMessage());
        }
        Map<String, String> state = new LinkedHashMap<>();
        state.put("recent_enqueue_at", "-");
        state.put("recent_start_at", "-");
        state.put("last_finish", finish > 0 ? TIME.format(Instant.ofEpochSecond(finish)) : "-");
        state.put("last_used_ms", "-");
        return ConfigJson.write(state);
    }

    private static RemoteCommand verboseLog(String name, String help, String logger) {
        AtomicBoolean verbose = new AtomicBoolean();
        return KnobCommand.ofBoolean(
                name,
                help,
                verbose::get,
                on -> {
                    if (LogLevels.available()) {
                        LogLevels.set(logger, on ? "DEBUG" : "INFO");
                    }
                    verbose.set(on);
                },
                () -> false);
    }

    private static String uselessDirReserve(Config config, List<String> args) {
        var error = ReplicaConfigKeys.GC_DISK_ERROR_REPLICA_INTERVAL_SECONDS;
        var garbage = ReplicaConfigKeys.GC_DISK_GARBAGE_REPLICA_INTERVAL_SECONDS;
        if (args.isEmpty()) {
            return CommandReplies.ok(Map.of(error.name(), config.text(error), garbage.name(), config.text(garbage)));
        }
        if (args.size() > 1) {
            return CommandReplies.error("useless-dir-reserve-seconds takes one argument");
        }
        try {
            if (args.get(0).equalsIgnoreCase("DEFAULT")) {
                config.reset(error);
                config.reset(garbage);
            } else {
                long seconds = KnobCommand.parseLong(args.get(0), 0, Integer.MAX_VALUE);
                config.update(error, String.valueOf(seconds));
                config.update(garbage, String.valueOf(seconds));
            }
        } catch (IllegalArgumentException e) {
            return CommandReplies.error("invalid argument '" + args.get(0) + "': " + e.getMessage());
        }
        return CommandReplies.ok();
    }

    private String killPartition(List<String> args) {
        if (args.size() > 2) {
            return "ERR_INVALID_PARAMETERS: usage: replica.kill_partition [app_id [partition_index]]";
        }
        int appId;
        int pidx;
        try {
            appId = args.isEmpty() ? -1 : Integer.parseInt(args.get(0));
            pidx = args.size() < 2 ? -1 : Integer.parseInt(args.get(1));
        } catch (NumberFormatException e) {
            return "ERR_INVALID_PARAMETERS: app_id and partition_index are integers";
        }
        List<PartitionRunner> targets = new ArrayList<>();
        for (PartitionRunner runner : manager.runners()) {
            Gpid gpid = runner.gpid();
            if ((appId < 0 || gpid.appId() == appId) && (pidx < 0 || gpid.partitionIndex() == pidx)) {
                targets.add(runner);
            }
        }
        if (targets.isEmpty() && appId >= 0) {
            return "ERR_OBJECT_NOT_FOUND";
        }
        for (PartitionRunner runner : targets) {
            LOG.warn("replica {} killed by remote command", runner.gpid());
            manager.onError(runner);
        }
        return "ERR_OK";
    }

    private String queryAppEnvs(List<String> args) {
        List<PartitionRunner> runners = new ArrayList<>(manager.runners());
        runners.sort(Comparator.comparing((PartitionRunner r) -> r.gpid().appId())
                .thenComparingInt(r -> r.gpid().partitionIndex()));
        Set<String> wanted = args.isEmpty()
                ? Set.of()
                : Set.of(String.join(",", args).split(",")).stream()
                        .map(String::trim)
                        .collect(Collectors.toSet());
        Map<String, Object> reply = new LinkedHashMap<>();
        for (PartitionRunner runner : runners) {
            Gpid gpid = runner.gpid();
            if (!wanted.isEmpty()
                    && !wanted.contains(String.valueOf(gpid.appId()))
                    && !wanted.contains(gpid.appId() + "." + gpid.partitionIndex())) {
                continue;
            }
            Map<String, String> envs = runner.app() == null || runner.app().getEnvs() == null
                    ? Map.of()
                    : new java.util.TreeMap<>(runner.app().getEnvs());
            reply.put(gpid.appId() + "." + gpid.partitionIndex(), envs);
        }
        return CommandReplies.ok(Map.of("replicas", reply));
    }
}
