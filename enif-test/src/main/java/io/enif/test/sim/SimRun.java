package io.enif.test.sim;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.replication.PartitionConfiguration;
import io.enif.test.history.History;
import io.enif.test.history.LinearizabilityChecker;
import io.enif.test.history.Op;
import io.enif.test.history.OpMix;
import io.enif.test.history.SurvivalChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;

/**
 * One seeded run of the whole cluster in one thread: build the cluster, run the workload under faults, heal, let it
 * settle, read every cell once more, then judge the history and the replicas.
 */
final class SimRun {
    private final long seed;
    private final SimConfig config;
    private final Random random;
    private final SimScheduler scheduler = new SimScheduler();
    private final SimTrace trace = new SimTrace(scheduler);
    private final SimProfile profile = new SimProfile();
    private final SimNetwork network;
    private final SimMeta meta;
    private final List<SimReplicaServer> servers = new ArrayList<>();
    private final List<SimClient> clients = new ArrayList<>();
    private final SimInvariants invariants = new SimInvariants(profile);
    private final History history = new History();
    private final List<String> failures = new ArrayList<>();
    private long historyClock;

    SimRun(long seed, SimConfig config) {
        this.seed = seed;
        this.config = config;
        this.random = new Random(seed);
        this.network = new SimNetwork(scheduler, random, profile);
        this.meta = new SimMeta(clock(), network, config, trace);
        for (int i = 1; i <= config.nodes(); i++) {
            SimReplicaServer s = new SimReplicaServer(
                    new HostPort("replica" + i, 34800 + i),
                    clock(),
                    scheduler,
                    network,
                    random,
                    config,
                    invariants,
                    trace);
            servers.add(s);
            invariants.add(s);
        }
        for (int i = 0; i < config.clients(); i++) {
            clients.add(new SimClient(
                    i, scheduler, network, random, config, history, () -> ++historyClock, profile, this::reachable));
        }
    }

    private SimClock clock() {
        double rate = 1 + (random.nextDouble() * 2 - 1) * config.maxClockSkew();
        if (rate != 1) {
            profile.fault("clock-drift");
        }
        return new SimClock(scheduler, rate, random.nextInt(1_000_000));
    }

    private boolean reachable(HostPort node) {
        return servers.stream().anyMatch(s -> s.id.equals(node) && s.alive);
    }

    SimResult run() {
        long wallStart = System.nanoTime();
        try {
            simulate();
        } catch (SimViolation e) {
            failures.add(e.getMessage());
        } catch (RuntimeException e) {
            failures.add("the simulation itself failed: " + e);
        }
        profile.simulatedMs = scheduler.now();
        profile.tasks = scheduler.executed();
        long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
        return new SimResult(seed, failures, profile, history.digest(), history.size(), wallMs);
    }

    private void simulate() {
        meta.registerNodes(servers.stream().map(s -> s.id).toList());
        servers.forEach(SimReplicaServer::start);
        meta.start();
        long workloadStart = 3000;
        long workloadEnd = workloadStart + config.durationMs();
        SimWorkload workload = new SimWorkload(random, config.hashKeys());
        long clientsStop = workloadEnd + config.calmMs();
        scheduler.after(workloadStart, () -> clients.forEach(c -> c.runWorkload(workload, clientsStop)));
        SimFaults faults = new SimFaults(scheduler, network, random, config, profile, servers, trace);
        scheduler.after(workloadStart, () -> faults.start(workloadEnd));
        scheduler.after(workloadEnd, faults::healAll);
        runWithLeaseChecks(workloadEnd + config.settleMs());
        awaitConvergence(scheduler.now() + 30_000);
        finalReads();
        judge();
    }

    private void runWithLeaseChecks(long untilMs) {
        while (scheduler.now() < untilMs) {
            scheduler.runUntil(Math.min(untilMs, scheduler.now() + 50));
            for (int p = 0; p < config.partitions(); p++) {
                invariants.checkOneServer(new Gpid(SimMeta.APP_ID, p));
            }
        }
    }

    /**
     * Waits until every partition has a full, serving group whose members hold the same data. A partition whose every
     * member was dropped waits for an operator (DESIGN §10), so the run plays one every few seconds.
     */
    private void awaitConvergence(long deadline) {
        String problem = convergenceProblem();
        long operatorAt = scheduler.now();
        while (problem != null && scheduler.now() < deadline) {
            if (scheduler.now() >= operatorAt) {
                int acted = meta.operatorDddDiagnose();
                for (int i = 0; i < acted; i++) {
                    profile.fault("ddd-operator");
                }
                operatorAt = scheduler.now() + 5000;
            }
            runWithLeaseChecks(scheduler.now() + 500);
            problem = convergenceProblem();
        }
        if (problem != null) {
            StringBuilder replicas = new StringBuilder();
            for (SimReplicaServer server : servers) {
                replicas.append("\n    ").append(server.id).append(server.alive ? "" : " (dead)");
                server.hosted
                        .values()
                        .forEach(h -> replicas.append("\n      ")
                                .append(h.replica)
                                .append(' ')
                                .append(h.replica.learnerStatus())
                                .append(" applied ")
                                .append(h.store.appliedUpTo())
                                .append(h.replica.isReconfiguring() ? " reconfiguring" : "")
                                .append(h.replica.isReconciled() ? " reconciled" : "")
                                .append(h.replica.canServeReads() ? " serving" : "")
                                .append(" learners ")
                                .append(h.replica.configuration().learners()));
            }
            throw new SimViolation("replicas did not converge: " + problem + replicas + "\n    meta: "
                    + meta.describe(new Gpid(SimMeta.APP_ID, partitionOf(problem))));
        }
    }

    /** The partition index a convergence problem names ("1.<index>" at its start). */
    private static int partitionOf(String problem) {
        int end = 2;
        while (end < problem.length() && Character.isDigit(problem.charAt(end))) {
            end++;
        }
        return Integer.parseInt(problem.substring(2, end));
    }

    private String convergenceProblem() {
        for (int p = 0; p < config.partitions(); p++) {
            Gpid gpid = new Gpid(SimMeta.APP_ID, p);
            PartitionConfiguration pc = meta.stored(gpid);
            if (pc.primary() == null || pc.secondaries().size() + 1 < config.replicaCount()) {
                return gpid + " is not fully replicated: " + pc;
            }
            SimHosted primary = hosted(pc.primary(), gpid);
            if (primary == null || !primary.replica.canServeReads()) {
                return gpid + ": the primary " + pc.primary() + " cannot serve";
            }
            for (HostPort secondary : pc.secondaries()) {
                SimHosted h = hosted(secondary, gpid);
                if (h == null) {
                    return gpid + ": secondary " + secondary + " does not host it";
                }
                long behind = primary.store.appliedUpTo() - h.store.appliedUpTo();
                boolean onlyEmptyWriteAhead = behind == 1
                        && primary.store
                                .applied()
                                .get(primary.store.appliedUpTo())
                                .isEmptyWrite();
                if (behind != 0 && !onlyEmptyWriteAhead) {
                    return gpid + ": " + secondary + " applied " + h.store.appliedUpTo() + ", the primary "
                            + primary.store.appliedUpTo();
                }
                if (!Objects.equals(h.store.data(), primary.store.data())) {
                    return gpid + ": " + secondary + " holds other data than the primary";
                }
            }
        }
        return null;
    }

    private SimHosted hosted(HostPort node, Gpid gpid) {
        for (SimReplicaServer s : servers) {
            if (s.id.equals(node)) {
                return s.alive ? s.hosted.get(gpid) : null;
            }
        }
        return null;
    }

    /** One client reads every cell the workload used, so the history ends with what survived. */
    private void finalReads() {
        SimClient reader = clients.get(0);
        List<Map.Entry<String, String>> cells = new ArrayList<>();
        for (int h = 0; h < config.hashKeys(); h++) {
            for (String sk : OpMix.SORT_KEYS) {
                cells.add(Map.entry("h" + h, sk));
            }
        }
        boolean[] done = new boolean[1];
        readNext(reader, cells, 0, () -> done[0] = true);
        long deadline = scheduler.now() + 5000L * cells.size();
        while (!done[0] && scheduler.now() < deadline) {
            runWithLeaseChecks(scheduler.now() + 100);
        }
    }

    private void readNext(SimClient reader, List<Map.Entry<String, String>> cells, int i, Runnable done) {
        if (i == cells.size()) {
            done.run();
            return;
        }
        Map.Entry<String, String> cell = cells.get(i);
        scheduler.after(
                1,
                () -> reader.start(
                        "get", cell.getKey(), new Op.Get(cell.getValue()), () -> readNext(reader, cells, i + 1, done)));
    }

    private void judge() {
        long start = System.nanoTime();
        LinearizabilityChecker.Result lin = LinearizabilityChecker.standard().check(history.operations());
        lin.problems().forEach(p -> failures.add("linearizability: " + p));
        Map<String, Map<String, String>> data = new TreeMap<>();
        for (int p = 0; p < config.partitions(); p++) {
            Gpid gpid = new Gpid(SimMeta.APP_ID, p);
            SimHosted primary = hosted(meta.stored(gpid).primary(), gpid);
            if (primary != null) {
                data.putAll(primary.store.data());
            }
        }
        SurvivalChecker.check(history.operations(), data).forEach(l -> failures.add("lost write: " + l));
        profile.checkWallMs = (System.nanoTime() - start) / 1_000_000;
    }
}
