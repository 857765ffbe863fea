package io.enif.test.minicluster;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.rpc.RpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that writes one table without pause and remembers what was acknowledged, for failover tests: it cycles
 * over {@code keyCount} hash keys, putting a fresh value ({@code v<seq>}) to the primary its cached routes name, and
 * moves on to the next key whatever the outcome, so a partition without a primary does not hold up the others.
 * Routes are re-read from the meta leader after every failure (at most every 100 ms).
 *
 * <p>Outcomes, as DESIGN §10 classifies them: an OK reply is acknowledged; {@code ERR_INVALID_STATE}, {@code
 * ERR_OBJECT_NOT_FOUND}, {@code ERR_NOT_ENOUGH_MEMBER}, {@code ERR_CAPACITY_EXCEEDED}, {@code ERR_INVALID_DATA} and
 * {@code ERR_BUSY} prove the write was not applied; anything else (a timeout, a lost connection) leaves it unknown.
 * {@link #check()} reads every key back and accepts the last acknowledged value, or the value of a write whose outcome
 * is unknown; a value whose write provably failed, an older acknowledged value, or a missing key is a lost write.
 *
 * <p>It also measures, per partition, how long writes stopped around a {@link #mark() marked} moment (a kill).
 */
public final class SteadyWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SteadyWriter.class);
    private static final Set<String> NOT_APPLIED = Set.of(
            "ERR_INVALID_STATE",
            "ERR_OBJECT_NOT_FOUND",
            "ERR_NOT_ENOUGH_MEMBER",
            "ERR_CAPACITY_EXCEEDED",
            "ERR_INVALID_DATA",
            "ERR_BUSY");
    private static final long ROUTE_REFRESH_NANOS = 100_000_000L;

    private final MiniCluster cluster;
    private final String table;
    private final int keyCount;
    private final String padding;
    private final Thread thread;
    private volatile boolean stopping;

    // Guarded by this.
    private TableRoutes routes;
    private long lastRouteRefresh;
    private long seq;
    private long acked;
    private final Map<String, String> lastAcked = new HashMap<>();
    private final Map<String, Set<String>> unknown = new HashMap<>();
    private final Map<String, Set<String>> failed = new HashMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private long[] lastAckNanos;
    private long markNanos;
    private long[] lastAckBeforeMark;
    private long[] firstAckAfterMark;

    /** A writer of {@code table} (which must exist) over {@code keyCount} hash keys; call {@link #start()}. */
    public SteadyWriter(MiniCluster cluster, String table, int keyCount) {
        this(cluster, table, keyCount, 0);
    }

    /** As above, each value padded to at least {@code valueBytes} bytes (to fill logs faster). */
    public SteadyWriter(MiniCluster cluster, String table, int keyCount, int valueBytes) {
        this.cluster = cluster;
        this.table = table;
        this.keyCount = keyCount;
        this.padding = valueBytes > 0 ? "." + "x".repeat(valueBytes) : "";
        this.routes = cluster.routes(table);
        this.lastAckNanos = new long[routes.partitionCount()];
        this.thread = new Thread(this::run, "steady-writer-" + table);
        this.thread.setDaemon(true);
    }

    /** The encoded key of hash key {@code k<i>}. */
    public static byte[] key(String hashKey) {
        return DataClient.key(hashKey, "s");
    }

    public SteadyWriter start() {
        thread.start();
        return this;
    }

    private void run() {
        while (!stopping) {
            String hashKey;
            String value;
            TableRoutes current;
            synchronized (this) {
                hashKey = "k" + (seq % keyCount);
                value = "v" + seq + padding;
                seq++;
                current = routes;
            }
            byte[] key = key(hashKey);
            Gpid gpid = current.gpidOf(key);
            HostPort primary = current.primary(gpid);
            String outcome;
            if (primary == null) {
                outcome = "NO_PRIMARY";
            } else {
                try {
                    int error = cluster.data().put(primary, gpid, key, value).getError();
                    outcome = error == 0 ? "OK" : "STORAGE_ERROR_" + error;
                } catch (RpcException e) {
                    outcome = e.errorName();
                } catch (RuntimeException e) {
                    outcome = e.getClass().getSimpleName();
                }
            }
            record(hashKey, value, gpid, outcome);
            if (!outcome.equals("OK")) {
                refreshRoutes();
                LockSupport.parkNanos(10_000_000L);
            }
        }
    }

    private synchronized void record(String hashKey, String value, Gpid gpid, String outcome) {
        long now = System.nanoTime();
        if (outcome.equals("OK")) {
            acked++;
            lastAcked.put(hashKey, value);
            int p = gpid.partitionIndex();
            lastAckNanos[p] = now;
            if (firstAckAfterMark != null && firstAckAfterMark[p] == 0) {
                firstAckAfterMark[p] = now;
            }
            return;
        }
        errors.merge(outcome, 1, Integer::sum);
        if (outcome.equals("NO_PRIMARY") || NOT_APPLIED.contains(outcome)) {
            failed.computeIfAbsent(hashKey, k -> new HashSet<>()).add(value);
        } else {
            unknown.computeIfAbsent(hashKey, k -> new HashSet<>()).add(value);
        }
    }

    private void refreshRoutes() {
        synchronized (this) {
            if (System.nanoTime() - lastRouteRefresh < ROUTE_REFRESH_NANOS) {
                return;
            }
            lastRouteRefresh = System.nanoTime();
        }
        try {
            TableRoutes fresh = cluster.routes(table);
            synchronized (this) {
                routes = fresh;
            }
        } catch (RuntimeException e) {
            LOG.debug("routes of {} not refreshed: {}", table, e.toString());
        }
    }

    /** How many writes were acknowledged so far. */
    public synchronized long acked() {
        return acked;
    }

    /** How many writes failed so far, by error name ({@code NO_PRIMARY} when the routes named none). */
    public synchronized Map<String, Integer> errors() {
        return new TreeMap<>(errors);
    }

    /** Whether every partition has had an acknowledged write. */
    public synchronized boolean everyPartitionAcked() {
        for (long t : lastAckNanos) {
            if (t == 0) {
                return false;
            }
        }
        return true;
    }

    /** Marks now (e.g. just before a kill) as the moment {@link #gaps()} measures around. */
    public synchronized void mark() {
        markNanos = System.nanoTime();
        lastAckBeforeMark = lastAckNanos.clone();
        firstAckAfterMark = new long[lastAckNanos.length];
    }

    /** Whether every partition has had an acknowledged write since {@link #mark()}. */
    public synchronized boolean resumedEverywhere() {
        if (firstAckAfterMark == null) {
            throw new IllegalStateException("mark() first");
        }
        for (long t : firstAckAfterMark) {
            if (t == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per partition, how long writes stopped around the mark: from the last acknowledged write before it to the first
     * one after it (a partition that has not resumed yet counts until now).
     */
    public synchronized List<Duration> gaps() {
        if (firstAckAfterMark == null) {
            throw new IllegalStateException("mark() first");
        }
        long now = System.nanoTime();
        List<Duration> gaps = new ArrayList<>();
        for (int p = 0; p < firstAckAfterMark.length; p++) {
            long before = lastAckBeforeMark[p] == 0 ? markNanos : lastAckBeforeMark[p];
            long after = firstAckAfterMark[p] == 0 ? now : firstAckAfterMark[p];
            gaps.add(Duration.ofNanos(after - before));
        }
        return gaps;
    }

    /** Stops writing and waits for the last write to finish. */
    public void stop() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofSeconds(30).toMillis());
    }

    /**
     * Reads every written key back from the current primaries (retrying while routes settle, up to {@code timeout})
     * and returns one line per lost or wrong value; empty when no acknowledged write was lost. Call after {@link
     * #stop()}.
     */
    public List<String> check(Duration timeout) {
        Map<String, String> expected;
        Map<String, Set<String>> maybe;
        Map<String, Set<String>> never;
        synchronized (this) {
            expected = new HashMap<>(lastAcked);
            maybe = new HashMap<>(unknown);
            never = new HashMap<>(failed);
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            String hashKey = "k" + i;
            String actual = readBack(hashKey, timeout);
            String want = expected.get(hashKey);
            Set<String> allowed = new HashSet<>(maybe.getOrDefault(hashKey, Set.of()));
            if (want != null) {
                allowed.add(want);
            }
            if (actual == null ? want != null : !allowed.contains(actual)) {
                problems.add(hashKey + ": read " + brief(actual) + ", last acknowledged " + brief(want)
                        + ", unknown outcomes "
                        + maybe.getOrDefault(hashKey, Set.of()).stream()
                                .map(SteadyWriter::brief)
                                .toList()
                        + (never.getOrDefault(hashKey, Set.of()).contains(actual)
                                ? " (a write that provably failed)"
                                : ""));
            }
        }
        return problems;
    }

    /** A value without its padding. */
    private static String brief(String value) {
        if (value == null) {
            return null;
        }
        int dot = value.indexOf('.');
        return dot < 0 ? value : value.substring(0, dot) + "...";
    }

    private String readBack(String hashKey, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                TableRoutes now = cluster.routes(table);
                byte[] key = key(hashKey);
                Gpid gpid = now.gpidOf(key);
                HostPort primary = now.primary(gpid);
                if (primary != null) {
                    return cluster.data().getString(primary, gpid, key);
                }
            } catch (RuntimeException e) {
                last = e;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        throw new IllegalStateException("cannot read " + hashKey + " back within " + timeout, last);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
