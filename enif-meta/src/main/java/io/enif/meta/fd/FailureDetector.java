package io.enif.meta.fd;

import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The meta server's side of the lease-based failure detector ({@code spec/ops-recovery-and-architecture.md} §6.5,
 * {@code spec/ops-cluster.md} FD-1..FD-4).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A beacon from an unknown or dead node makes it alive at once; a beacon from an alive node refreshes its last
 *       receive time. A beacon whose receive time is not later than the last one changes nothing.
 *   <li>At each check, an alive node whose last beacon was received <em>more than</em> {@code grace} ms ago becomes
 *       dead: exactly {@code grace} ms of silence is still alive.
 *   <li>Nodes registered at leader start-up (the members found in ZooKeeper) are assumed alive from that moment, so
 *       they are declared dead one grace period later unless they send beacons.
 *   <li>The white list and the unstable-restart guard decide whether a beacon is answered at all (FD-4).
 *   <li>Report freshness: the detector remembers the latest send time (on the node's own clock) of the beacons it
 *       accepted from each node. When it declares a node dead, everything the node's replicas did happened before
 *       that time plus the lease (the node's lease runs from the send time of an acknowledged beacon), so a config
 *       sync the node sent before that cutoff may be older than its replicas' last changes (the network may deliver
 *       it late, even after the node came back); {@link #isReportFresh} says whether a report can be trusted as the
 *       node's final word on the replicas it no longer serves.
 * </ul>
 *
 * <p>Because {@code grace > lease > 2 × beacon} (checked at construction), a replica server has stopped serving before
 * this detector declares it dead. Single-threaded: the caller serialises calls; time is a parameter in milliseconds.
 */
public final class FailureDetector {
    /** A send time the sender did not give. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    private static final Comparator<HostPort> ADDRESS_ORDER =
            Comparator.comparing(HostPort::host).thenComparingInt(HostPort::port);

    private final FailureDetectorConfig config;
    private final RestartStability stability;
    private final Map<HostPort, Worker> workers = new TreeMap<>(ADDRESS_ORDER);
    private final Set<HostPort> revivedSinceCheck = new LinkedHashSet<>();

    /**
     * A detector with the given timers.
     *
     * @throws IllegalArgumentException when the timers are unsafe (see {@link FailureDetectorConfig#validate()})
     */
    public FailureDetector(FailureDetectorConfig config) {
        this.config = config.validate();
        this.stability = new RestartStability(config.stableRsMinRunningMs(), config.maxSuccessiveUnstableRestarts());
    }

    public FailureDetectorConfig config() {
        return config;
    }

    /**
     * Starts tracking {@code node} as alive from {@code nowMs}, as the meta leader does for every member it loads
     * from ZooKeeper. A node already tracked is left as it is.
     */
    public void registerWorker(HostPort node, long nowMs) {
        workers.putIfAbsent(node, new Worker(nowMs, true, nowMs));
    }

    /**
     * Handles a beacon received at {@code nowMs} from {@code node}, whose process started at {@code startTimeMs}, with
     * no send time (report freshness is then not tracked for it).
     */
    public BeaconResult onBeacon(HostPort node, long startTimeMs, long nowMs) {
        return onBeacon(node, startTimeMs, UNKNOWN_TIME, nowMs);
    }

    /**
     * Handles a beacon received at {@code nowMs} from {@code node}, whose process started at {@code startTimeMs}, sent
     * at {@code sentMs} on the node's clock (the beacon's {@code time}).
     */
    public BeaconResult onBeacon(HostPort node, long startTimeMs, long sentMs, long nowMs) {
        BeaconResult result = handleBeacon(node, startTimeMs, nowMs);
        Worker worker = workers.get(node);
        if (result.accepted() && worker != null && sentMs != UNKNOWN_TIME) {
            worker.lastAcceptedSentMs = Math.max(worker.lastAcceptedSentMs, sentMs);
        }
        return result;
    }

    /**
     * Whether a report {@code node} sent at {@code sentMs} (its clock; {@link #UNKNOWN_TIME} when the sender did not
     * say) may be trusted as the final state of replicas it no longer serves: it was sent after the lease the node
     * held when it was last declared dead had surely run out. Reports of nodes never declared dead, or without a send
     * time, are trusted.
     */
    public boolean isReportFresh(HostPort node, long sentMs) {
        Worker worker = workers.get(node);
        return worker == null || sentMs == UNKNOWN_TIME || sentMs >= worker.reportCutoffMs;
    }

    private BeaconResult handleBeacon(HostPort node, long startTimeMs, long nowMs) {
        if (!stability.onBeacon(node, startTimeMs, nowMs)) {
            return new BeaconResult(BeaconResult.Verdict.IGNORED_UNSTABLE, false);
        }
        Worker worker = workers.get(node);
        if (worker == null) {
            if (config.whiteListEnabled() && !config.whiteList().contains(node)) {
                return new BeaconResult(BeaconResult.Verdict.REFUSED_NOT_IN_WHITE_LIST, false);
            }
            workers.put(node, new Worker(nowMs, true, nowMs));
            revivedSinceCheck.add(node);
            return new BeaconResult(BeaconResult.Verdict.ACCEPTED, true);
        }
        if (nowMs <= worker.lastBeaconMs) {
            return new BeaconResult(BeaconResult.Verdict.ACCEPTED, false);
        }
        worker.lastBeaconMs = nowMs;
        if (!worker.alive) {
            worker.alive = true;
            worker.sinceMs = nowMs;
            revivedSinceCheck.add(node);
            return new BeaconResult(BeaconResult.Verdict.ACCEPTED, true);
        }
        return new BeaconResult(BeaconResult.Verdict.ACCEPTED, false);
    }

    /**
     * Runs one check at {@code nowMs}: declares dead every alive node silent for more than the grace period, and
     * reports the nodes revived by beacons since the previous check.
     */
    public FdTransitions check(long nowMs) {
        List<HostPort> dead = new ArrayList<>();
        for (Map.Entry<HostPort, Worker> entry : workers.entrySet()) {
            Worker worker = entry.getValue();
            if (worker.alive && nowMs > worker.lastBeaconMs && nowMs - worker.lastBeaconMs > config.graceMs()) {
                worker.alive = false;
                worker.sinceMs = nowMs;
                if (worker.lastAcceptedSentMs != UNKNOWN_TIME) {
                    worker.reportCutoffMs =
                            Math.max(worker.reportCutoffMs, worker.lastAcceptedSentMs + config.leaseMs());
                }
                dead.add(entry.getKey());
            }
        }
        List<HostPort> alive = new ArrayList<>();
        for (HostPort node : revivedSinceCheck) {
            Worker worker = workers.get(node);
            if (worker != null && worker.alive) {
                alive.add(node);
            }
        }
        alive.sort(ADDRESS_ORDER);
        revivedSinceCheck.clear();
        return new FdTransitions(dead, alive);
    }

    /** Whether {@code node} is tracked and alive. */
    public boolean isAlive(HostPort node) {
        Worker worker = workers.get(node);
        return worker != null && worker.alive;
    }

    /** When {@code node} last became alive or dead, if tracked. */
    public Optional<Long> sinceMs(HostPort node) {
        Worker worker = workers.get(node);
        return worker == null ? Optional.empty() : Optional.of(worker.sinceMs);
    }

    /** When the last beacon of {@code node} was received, if tracked. */
    public Optional<Long> lastBeaconMs(HostPort node) {
        Worker worker = workers.get(node);
        return worker == null ? Optional.empty() : Optional.of(worker.lastBeaconMs);
    }

    /** The tracked nodes, alive or not, in address order. */
    public List<HostPort> workers() {
        return List.copyOf(workers.keySet());
    }

    /** The alive nodes, in address order. */
    public List<HostPort> aliveNodes() {
        return workers.entrySet().stream()
                .filter(e -> e.getValue().alive)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The dead nodes, in address order. */
    public List<HostPort> deadNodes() {
        return workers.entrySet().stream()
                .filter(e -> !e.getValue().alive)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** How many unstable restarts in a row {@code node} has made (FD-4). */
    public int unstableRestarts(HostPort node) {
        return stability.unstableRestarts(node);
    }

    private static final class Worker {
        long lastBeaconMs;
        boolean alive;
        long sinceMs;
        /** The latest send time (node clock) of a beacon this detector accepted. */
        long lastAcceptedSentMs = UNKNOWN_TIME;
        /** Reports sent (node clock) before this may predate the node's last changes. */
        long reportCutoffMs = UNKNOWN_TIME;

        Worker(long lastBeaconMs, boolean alive, long sinceMs) {
            this.lastBeaconMs = lastBeaconMs;
            this.alive = alive;
            this.sinceMs = sinceMs;
        }
    }
}
