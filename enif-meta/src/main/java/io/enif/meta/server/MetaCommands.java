package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.meta.guardian.GuardianConfig;
import io.enif.rpc.command.CommandRegistry;
import io.enif.rpc.command.CommandReplies;
import io.enif.rpc.command.KnobCommand;
import io.enif.rpc.command.RemoteCommand;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta server's remote commands ({@code spec/ops-cluster.md} §4.2) and its mutable config keys, both turning the
 * same levers: the settings the cure loop and the level checks read ({@link MetaService#reconfigure}).
 *
 * <p>The {@code meta.*} commands exist only while this server acts as leader: they are registered when it starts
 * leading and removed when it stops (RC-4), and a call that races a step-down still answers {@code unknown command}.
 * {@code DEFAULT} restores the value this server started with. Nothing is persisted: a restart or a failover brings
 * the configured values back.
 */
final class MetaCommands implements LeaderActivityListener {
    private static final Logger LOG = LoggerFactory.getLogger(MetaCommands.class);

    private final MetaService service;
    private final MetaServerConfig initial;
    private final CommandRegistry registry;
    private final List<RemoteCommand> leaderCommands;
    /** Balancer knobs: held for the balancer, which Enif does not have yet (the values are shown and kept). */
    private final AtomicBoolean onlyPrimaryBalancer = new AtomicBoolean();

    private final AtomicBoolean onlyMovePrimary = new AtomicBoolean();
    private final AtomicBoolean balancerInTurn = new AtomicBoolean();
    private volatile String ignoredApps = "";

    MetaCommands(MetaService service, CommandRegistry registry) {
        this.service = service;
        this.initial = service.config;
        this.registry = registry;
        this.leaderCommands = List.of(
                leaderOnly(KnobCommand.ofLong(
                        "meta.live_percentage",
                        "The alive percentage of replica servers below which the meta server freezes itself",
                        0,
                        100,
                        () -> (long) service.config.level().nodeLivePercentageThresholdForUpdate(),
                        v -> change(c -> c.withLevel(c.level().withNodeLivePercentageThresholdForUpdate(v.intValue()))),
                        () -> (long) initial.level().nodeLivePercentageThresholdForUpdate())),
                leaderOnly(KnobCommand.ofLong(
                        "meta.lb.assign_delay_ms",
                        "How long a partition short of a secondary waits for the dropped node (ms)",
                        0,
                        Long.MAX_VALUE,
                        () -> service.config.guardian().replicaAssignDelayMsForDropouts(),
                        v -> change(c -> c.withGuardian(c.guardian().withAssignDelayMs(v))),
                        () -> initial.guardian().replicaAssignDelayMsForDropouts())),
                leaderOnly(KnobCommand.ofBoolean(
                        "meta.lb.add_secondary_enable_flow_control",
                        "Cap the add-secondary proposals one node receives per cure round",
                        () -> service.config.guardian().addSecondaryEnableFlowControl(),
                        v -> change(c -> c.withGuardian(flowControl(c.guardian(), v))),
                        () -> initial.guardian().addSecondaryEnableFlowControl())),
                leaderOnly(KnobCommand.ofLong(
                        "meta.lb.add_secondary_max_count_for_one_node",
                        "With flow control, the most add-secondary proposals per node and cure round",
                        0,
                        Integer.MAX_VALUE,
                        () -> (long) service.config.guardian().addSecondaryMaxCountForOneNode(),
                        v -> change(c -> c.withGuardian(maxCount(c.guardian(), v.intValue()))),
                        () -> (long) initial.guardian().addSecondaryMaxCountForOneNode())),
                leaderOnly(new RemoteCommand(
                        "meta.lb.assign_secondary_black_list",
                        List.of(),
                        "[ip:port,ip:port,... | clear]",
                        "Replica servers that receive no new secondaries",
                        this::blackList)),
                leaderOnly(KnobCommand.ofBoolean(
                        "meta.lb.only_primary_balancer",
                        "The balancer only evens out primaries (kept for the balancer)",
                        onlyPrimaryBalancer::get,
                        onlyPrimaryBalancer::set,
                        () -> false)),
                leaderOnly(KnobCommand.ofBoolean(
                        "meta.lb.only_move_primary",
                        "The balancer only swaps roles, never copies data (kept for the balancer)",
                        onlyMovePrimary::get,
                        onlyMovePrimary::set,
                        () -> false)),
                leaderOnly(KnobCommand.ofBoolean(
                        "meta.lb.balancer_in_turn",
                        "The balancer balances tables one after another (kept for the balancer)",
                        balancerInTurn::get,
                        balancerInTurn::set,
                        () -> false)),
                leaderOnly(new RemoteCommand(
                        "meta.lb.ignored_app_list",
                        List.of(),
                        "[app_id,app_id,... | clear]",
                        "Tables the balancer leaves alone (kept for the balancer)",
                        this::ignoredApps)),
                leaderOnly(RemoteCommand.of(
                        "meta.lb.get_balance_operation_count",
                        "[total|move_pri|copy_pri|copy_sec]",
                        "Pending balance operations (always 0: Enif has no balancer yet)",
                        args -> args.size() > 1
                                        || !args.isEmpty()
                                                && !List.of("total", "move_pri", "copy_pri", "copy_sec")
                                                        .contains(args.get(0))
                                ? CommandReplies.error("usage: meta.lb.get_balance_operation_count"
                                        + " [total|move_pri|copy_pri|copy_sec]")
                                : CommandReplies.ok(args.isEmpty() ? "total" : args.get(0), "0"))));
        registry.register(RemoteCommand.of(
                "fd.allow_list", "", "The replica server allow list (white list) of the failure detector", args -> {
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("enabled", service.config.fd().whiteListEnabled());
                    reply.put(
                            "allow_list",
                            service.config.fd().whiteList().stream()
                                    .map(HostPort::toString)
                                    .sorted()
                                    .collect(Collectors.joining(",")));
                    return io.enif.common.config.ConfigJson.write(reply);
                }));
    }

    /** Makes runtime changes of the meta server's mutable keys act on the running server. */
    void bind(Config config) {
        config.addListener(
                MetaConfigKeys.MIN_LIVE_NODE_COUNT_FOR_UNFREEZE,
                v -> change(c -> c.withLevel(c.level().withMinLiveNodeCountForUnfreeze(v))));
        config.addListener(
                MetaConfigKeys.MAX_RESERVED_DROPPED_REPLICAS,
                v -> change(c -> c.withGuardian(maxReserved(c.guardian(), v))));
        config.addListener(
                MetaConfigKeys.MIN_ALLOWED_REPLICA_COUNT,
                v -> change(c -> c.withAllowedReplicaCounts(v, c.maxAllowedReplicaCount())));
        config.addListener(
                MetaConfigKeys.MAX_ALLOWED_REPLICA_COUNT,
                v -> change(c -> c.withAllowedReplicaCounts(c.minAllowedReplicaCount(), v)));
    }

    @Override
    public void onLeading(HostPort self, long epoch) {
        for (RemoteCommand command : leaderCommands) {
            registry.unregister(command.name());
            registry.register(command);
        }
        LOG.info("meta server {} registered the meta.* remote commands (epoch {})", self, epoch);
    }

    @Override
    public void onDeposed(HostPort self, long epoch, String reason) {
        leaderCommands.forEach(command -> registry.unregister(command.name()));
        LOG.info("meta server {} removed the meta.* remote commands (epoch {})", self, epoch);
    }

    private void change(UnaryOperator<MetaServerConfig> change) {
        MetaServerConfig next = service.reconfigure(change);
        LOG.info(
                "meta server {}: settings changed at runtime (in memory only): guardian {}, level {}",
                service.self,
                next.guardian(),
                next.level());
    }

    private RemoteCommand leaderOnly(RemoteCommand command) {
        return new RemoteCommand(
                command.name(),
                command.aliases(),
                command.usage(),
                command.help(),
                args -> service.acting().isPresent()
                        ? command.handler().run(args)
                        : CommandReplies.unknown(command.name()));
    }

    private String ignoredApps(List<String> args) {
        String name = "meta.lb.ignored_app_list";
        if (args.isEmpty()) {
            return CommandReplies.ok(name, ignoredApps);
        }
        if (args.size() > 1) {
            return CommandReplies.error(name + " takes one argument: app_id,app_id,... or clear");
        }
        if (args.get(0).equalsIgnoreCase("clear")) {
            ignoredApps = "";
            return CommandReplies.ok();
        }
        List<String> ids = List.of(args.get(0).split(","));
        for (String id : ids) {
            try {
                Integer.parseInt(id.trim());
            } catch (NumberFormatException e) {
                return CommandReplies.error("invalid app_id '" + id + "' of " + name);
            }
        }
        ignoredApps = ids.stream().map(String::trim).collect(Collectors.joining(","));
        return CommandReplies.ok();
    }

    private String blackList(List<String> args) {
        String name = "meta.lb.assign_secondary_black_list";
        if (args.isEmpty()) {
            return CommandReplies.ok(
                    name,
                    service.config.guardian().assignSecondaryBlackList().stream()
                            .map(HostPort::toString)
                            .sorted()
                            .collect(Collectors.joining(",")));
        }
        if (args.size() > 1) {
            return CommandReplies.error(name + " takes one argument: ip:port,ip:port,... or clear");
        }
        Set<HostPort> nodes = new LinkedHashSet<>();
        if (!args.get(0).equalsIgnoreCase("clear")) {
            for (String text : args.get(0).split(",")) {
                try {
                    nodes.add(HostPort.parse(text.trim()));
                } catch (RuntimeException e) {
                    return CommandReplies.error("invalid address '" + text + "' of " + name);
                }
            }
        }
        change(c -> c.withGuardian(c.guardian().withBlackList(nodes)));
        return CommandReplies.ok();
    }

    private static GuardianConfig flowControl(GuardianConfig g, boolean enabled) {
        return new GuardianConfig(
                g.replicaAssignDelayMsForDropouts(),
                g.assignSecondaryBlackList(),
                enabled,
                g.addSecondaryMaxCountForOneNode(),
                g.maxReservedDroppedReplicas(),
                g.health());
    }

    private static GuardianConfig maxCount(GuardianConfig g, int max) {
        return new GuardianConfig(
                g.replicaAssignDelayMsForDropouts(),
                g.assignSecondaryBlackList(),
                g.addSecondaryEnableFlowControl(),
                max,
                g.maxReservedDroppedReplicas(),
                g.health());
    }

    private static GuardianConfig maxReserved(GuardianConfig g, int reserved) {
        return new GuardianConfig(
                g.replicaAssignDelayMsForDropouts(),
                g.assignSecondaryBlackList(),
                g.addSecondaryEnableFlowControl(),
                g.addSecondaryMaxCountForOneNode(),
                reserved,
                g.health());
    }
}
