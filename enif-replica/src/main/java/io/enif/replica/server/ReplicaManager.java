package io.enif.replica.server;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.concurrent.OrderedExecutor;
import io.enif.proto.layer2.app_info;
import io.enif.replica.handler.ReplicaHost;
import io.enif.replica.meta.HostedReplicas;
import io.enif.replica.partition.PartitionEnv;
import io.enif.replica.partition.PartitionOpener;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.partition.ReplicaDir;
import io.enif.replica.partition.RunnerListener;
import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas one server hosts, over one or more data dirs (spec §6.15): opens every replica directory at start
 * (replaying its log), creates new replicas on the least loaded data dir, and moves unusable ones aside — {@code
 * <gpid>.pegasus.<us>.err} for a replica in error or one that cannot be opened, {@code .gar} for garbage the meta
 * server named — deleting such directories once they are older than their keep time.
 *
 * <p>Thread-safe: the map of runners is concurrent; creating and removing replicas is serialized.
 */
public final class ReplicaManager implements ReplicaHost, HostedReplicas, RunnerListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaManager.class);

    private final List<DataDir> dataDirs;
    private final OrderedExecutor lanes;
    private final int maxAllowedWriteSize;
    private volatile long gcErrorMs;
    private volatile long gcGarbageMs;
    private final Map<Gpid, PartitionRunner> runners = new ConcurrentHashMap<>();
    private volatile PartitionEnv env;
    private volatile LongSupplier leaseUntil = () -> Long.MIN_VALUE;

    public ReplicaManager(
            List<DataDir> dataDirs, OrderedExecutor lanes, int maxAllowedWriteSize, long gcErrorMs, long gcGarbageMs) {
        this.dataDirs = List.copyOf(dataDirs);
        this.lanes = lanes;
        this.maxAllowedWriteSize = maxAllowedWriteSize;
        this.gcErrorMs = gcErrorMs;
        this.gcGarbageMs = gcGarbageMs;
    }

    /** How long an {@code .err} directory is kept (mutable {@code gc_disk_error_replica_interval_seconds}). */
    public void setGcErrorMs(long ms) {
        this.gcErrorMs = ms;
    }

    /** How long a {@code .gar} directory is kept (mutable {@code gc_disk_garbage_replica_interval_seconds}). */
    public void setGcGarbageMs(long ms) {
        this.gcGarbageMs = ms;
    }

    /** Where new runners find their shared collaborators, and the lease a newly opened replica starts with. */
    public void bind(PartitionEnv partitionEnv, LongSupplier currentLeaseUntil) {
        this.env = partitionEnv;
        this.leaseUntil = currentLeaseUntil;
    }

    /** Opens every replica directory of every data dir; unusable ones are moved aside as {@code .err}. */
    public synchronized void openAll() throws IOException {
        for (DataDir dataDir : dataDirs) {
            Path reps = dataDir.repsDir();
            Files.createDirectories(reps);
            List<Path> children;
            try (Stream<Path> list = Files.list(reps)) {
                children = list.sorted().toList();
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.endsWith(ReplicaDir.ERR_SUFFIX) || name.endsWith(ReplicaDir.GAR_SUFFIX)) {
                    collectOld(child, name.endsWith(ReplicaDir.ERR_SUFFIX) ? gcErrorMs : gcGarbageMs);
                    continue;
                }
                ReplicaDir.parse(name).ifPresent(gpid -> openExisting(new ReplicaDir(child, gpid, dataDir.tag())));
            }
        }
        LOG.info("{} opened {} replicas", env.self(), runners.size());
    }

    private void openExisting(ReplicaDir dir) {
        if (runners.containsKey(dir.gpid())) {
            LOG.error("replica {} exists twice; moving {} aside", dir.gpid(), dir.root());
            moveAside(dir, ReplicaDir.ERR_SUFFIX);
            return;
        }
        try {
            PartitionRunner runner = PartitionOpener.open(dir, lanes.lane(dir.gpid()), env);
            runners.put(dir.gpid(), runner);
            runner.start();
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot open replica {}: {}; moving it aside", dir.root(), e.toString());
            moveAside(dir, ReplicaDir.ERR_SUFFIX);
        }
    }

    // ---- ReplicaHost ----

    @Override
    public HostPort self() {
        PartitionEnv bound = env;
        return bound == null ? null : bound.self();
    }

    @Override
    public PartitionRunner get(Gpid gpid) {
        return runners.get(gpid);
    }

    @Override
    public synchronized PartitionRunner getOrCreate(Gpid gpid, app_info app) {
        PartitionRunner existing = runners.get(gpid);
        if (existing != null || env == null) {
            return existing;
        }
        if (app.getApp_id() != gpid.appId()) {
            LOG.warn("not creating replica {}: its table info names app {}", gpid, app.getApp_id());
            return null;
        }
        DataDir dataDir = leastLoaded();
        ReplicaDir dir = ReplicaDir.of(dataDir.repsDir(), gpid, dataDir.tag());
        try {
            if (Files.exists(dir.root())) {
                moveAside(dir, ReplicaDir.GAR_SUFFIX); // a leftover nobody serves
            }
            PartitionRunner runner = PartitionOpener.create(dir, app, lanes.lane(gpid), env);
            runners.put(gpid, runner);
            runner.start();
            long lease = leaseUntil.getAsLong();
            if (lease != Long.MIN_VALUE) {
                runner.leaseGranted(lease);
            }
            LOG.info("{} created replica {} in {}", env.self(), gpid, dir.root());
            return runner;
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot create replica {} in {}: {}", gpid, dir.root(), e.toString());
            moveAside(dir, ReplicaDir.ERR_SUFFIX);
            return null;
        }
    }

    @Override
    public int maxAllowedWriteSize() {
        return maxAllowedWriteSize;
    }

    private DataDir leastLoaded() {
        return dataDirs.stream()
                .min(Comparator.comparingLong(d -> runners.values().stream()
                        .filter(r -> r.dir().diskTag().equals(d.tag()))
                        .count()))
                .orElseThrow();
    }

    // ---- HostedReplicas ----

    @Override
    public Collection<PartitionRunner> runners() {
        return new ArrayList<>(runners.values());
    }

    @Override
    public void garbage(Gpid gpid) {
        remove(gpid, ReplicaDir.GAR_SUFFIX);
    }

    // ---- RunnerListener ----

    @Override
    public void onError(PartitionRunner runner) {
        LOG.error("replica {} is in error; closing it and moving its directory aside", runner.gpid());
        // Not on the runner's lane: the close waits for the lane.
        Thread closer =
                new Thread(() -> remove(runner.gpid(), ReplicaDir.ERR_SUFFIX), "enif-replica-error-" + runner.gpid());
        closer.setDaemon(true);
        closer.start();
    }

    private synchronized void remove(Gpid gpid, String suffix) {
        PartitionRunner runner = runners.remove(gpid);
        if (runner == null) {
            return;
        }
        try {
            runner.close().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing replica {} took too long: {}", gpid, e.toString());
        }
        moveAside(runner.dir(), suffix);
    }

    private void moveAside(ReplicaDir dir, String suffix) {
        Path target = dir.renamed(System.currentTimeMillis() * 1000, suffix);
        try {
            if (Files.exists(dir.root())) {
                Files.move(dir.root(), target);
                LOG.warn("moved {} to {}", dir.root(), target.getFileName());
            }
        } catch (IOException e) {
            LOG.error("cannot move {} aside: {}", dir.root(), e.toString());
        }
    }

    /** Deletes a {@code .err} or {@code .gar} directory once its time stamp is older than {@code keepMs}. */
    private static void collectOld(Path dir, long keepMs) {
        String name = dir.getFileName().toString();
        String[] parts = name.split("\\.");
        if (parts.length < 5) {
            return;
        }
        try {
            long us = Long.parseLong(parts[parts.length - 2]);
            if (System.currentTimeMillis() - us / 1000 > keepMs) {
                Checkpoints.deleteRecursively(dir);
                LOG.info("deleted old replica directory {}", name);
            }
        } catch (NumberFormatException | IOException e) {
            LOG.debug("leaving {}: {}", name, e.toString());
        }
    }

    /** Closes every replica (flushing stores as their options say) and waits. */
    public void close() {
        List<PartitionRunner> all;
        synchronized (this) {
            all = new ArrayList<>(runners.values());
            runners.clear();
        }
        for (PartitionRunner runner : all) {
            runner.close();
        }
        for (PartitionRunner runner : all) {
            try {
                runner.closeFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("closing replica {} took too long: {}", runner.gpid(), e.toString());
            }
        }
    }
}
