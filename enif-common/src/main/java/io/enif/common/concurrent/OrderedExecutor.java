package io.enif.common.concurrent;

import io.enif.common.Gpid;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N single-thread {@link Lane}s; a key always maps to the same lane, so the tasks of one key run in order on one
 * thread while different keys spread over the lanes (BookKeeper's {@code OrderedExecutor}, Pegasus's per-gpid thread
 * hash). The replica server keys its lanes by gpid: every event of one partition replica is handled on its lane, and
 * the replica's state needs no lock.
 *
 * <p>Thread-safe. {@link #close()} stops every lane after the task it runs; queued and delayed tasks are dropped.
 */
public final class OrderedExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedExecutor.class);

    private final String name;
    private final List<Lane> lanes;

    private OrderedExecutor(String name, int laneCount) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("an ordered executor needs at least one lane, not " + laneCount);
        }
        this.name = name;
        List<Lane> all = new ArrayList<>(laneCount);
        for (int i = 0; i < laneCount; i++) {
            all.add(new Lane(name + "-lane-" + i, i));
        }
        this.lanes = List.copyOf(all);
    }

    /** An executor of {@code laneCount} lanes whose threads are named {@code <name>-lane-<i>}. */
    public static OrderedExecutor create(String name, int laneCount) {
        return new OrderedExecutor(name, laneCount);
    }

    /** The number of lanes. */
    public int laneCount() {
        return lanes.size();
    }

    /** The lane of a partition: Pegasus's thread hash, {@code app_id * 7919 + partition_index}, modulo the lanes. */
    public Lane lane(Gpid gpid) {
        return laneOf((long) gpid.appId() * 7919 + gpid.partitionIndex());
    }

    /** The lane of any other key. */
    public Lane laneOf(long key) {
        return lanes.get((int) Math.floorMod(key, (long) lanes.size()));
    }

    /** The lane at {@code index}. */
    public Lane laneAt(int index) {
        return lanes.get(index);
    }

    /** Runs {@code task} on the lane of {@code gpid}. */
    public void execute(Gpid gpid, Runnable task) {
        lane(gpid).execute(task);
    }

    /** Stops every lane and waits up to 5 s for the running tasks to end. Idempotent. */
    @Override
    public void close() {
        lanes.forEach(Lane::shutdown);
        for (Lane lane : lanes) {
            try {
                if (!lane.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("{} did not stop within 5 s", lane);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "OrderedExecutor[" + name + ", " + lanes.size() + " lanes]";
    }
}
