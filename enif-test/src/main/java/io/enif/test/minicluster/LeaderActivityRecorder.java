package io.enif.test.minicluster;

import io.enif.common.HostPort;
import io.enif.meta.server.LeaderActivityListener;
import io.enif.meta.store.StoreWrite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Records what every meta server of a cluster did as leader, to check that leaders never overlap: metadata writes
 * ordered by their ZooKeeper zxid, and beacon acks ordered by the time they were decided, must both show
 * non-decreasing epochs. Thread-safe.
 */
public final class LeaderActivityRecorder implements LeaderActivityListener {

    /** One recorded action. */
    public record Action(String kind, HostPort meta, long epoch, long order) {}

    private final List<Action> writes = new ArrayList<>();
    private final List<Action> acks = new ArrayList<>();
    private final List<Action> terms = new ArrayList<>();

    @Override
    public synchronized void onLeading(HostPort self, long epoch) {
        terms.add(new Action("leading", self, epoch, System.nanoTime()));
    }

    @Override
    public synchronized void onDeposed(HostPort self, long epoch, String reason) {
        terms.add(new Action("deposed: " + reason, self, epoch, System.nanoTime()));
    }

    @Override
    public synchronized void onMetadataWrite(HostPort self, StoreWrite write) {
        writes.add(new Action("write " + write.description(), self, write.epoch(), write.zxid()));
    }

    @Override
    public synchronized void onBeaconAck(HostPort self, long epoch, HostPort node, long nanoTime) {
        acks.add(new Action("ack " + node, self, epoch, nanoTime));
    }

    public synchronized List<Action> writes() {
        return List.copyOf(writes);
    }

    public synchronized List<Action> beaconAcks() {
        return List.copyOf(acks);
    }

    public synchronized List<Action> terms() {
        return List.copyOf(terms);
    }

    /**
     * The first pair of actions where a later one (by zxid for writes, by time for acks) carries an older epoch, or
     * an epoch that two different meta servers used; empty when leaders never overlapped.
     */
    public synchronized Optional<String> interleaving() {
        return firstProblem(writes).or(() -> firstProblem(acks));
    }

    private static Optional<String> firstProblem(List<Action> actions) {
        List<Action> sorted = new ArrayList<>(actions);
        sorted.removeIf(a -> a.order() < 0);
        sorted.sort(Comparator.comparingLong(Action::order));
        for (int i = 1; i < sorted.size(); i++) {
            Action before = sorted.get(i - 1);
            Action after = sorted.get(i);
            if (after.epoch() < before.epoch()
                    || (after.epoch() == before.epoch() && !after.meta().equals(before.meta()))) {
                return Optional.of(before + " then " + after);
            }
        }
        return Optional.empty();
    }
}
