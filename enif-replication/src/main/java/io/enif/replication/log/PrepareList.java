package io.enif.replication.log;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The in-memory window of prepared decrees (Pegasus's {@code prepare_list}).
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>Decrees up to {@link #lastCommittedDecree()} are committed, and were committed in decree order; every
 *       committed decree still held is contiguous from {@link #minDecree()}.
 *   <li>At most one mutation per decree: a later prepare of the same decree under a higher ballot replaces it, one
 *       under a lower ballot is refused.
 *   <li>The window spans at most {@code capacity} decrees ({@code max_mutation_count_in_prepare_list}): committed
 *       mutations are kept (to teach learners from memory) until a new decree needs their slot; a decree that would
 *       push an uncommitted one out is refused with {@code ERR_CAPACITY_EXCEEDED}.
 *   <li>A primary may not assign a decree more than {@code staleness} ({@code staleness_for_commit}) beyond the
 *       commit point ({@link #exceedsStaleness}).
 * </ul>
 *
 * <p>Committing never skips a decree: {@link #commitReady} walks forward from the commit point and stops at the first
 * decree that is missing or not ready.
 */
public final class PrepareList {
    private final int capacity;
    private final int staleness;
    private final TreeMap<Long, LogEntry> entries = new TreeMap<>();
    private long lastCommittedDecree;

    /**
     * @param lastCommittedDecree the commit point to start from (what the storage holds)
     * @param capacity {@code max_mutation_count_in_prepare_list}
     * @param staleness {@code staleness_for_commit}
     */
    public PrepareList(long lastCommittedDecree, int capacity, int staleness) {
        if (staleness >= capacity) {
            throw new IllegalArgumentException("staleness " + staleness + " must be below capacity " + capacity);
        }
        this.lastCommittedDecree = lastCommittedDecree;
        this.capacity = capacity;
        this.staleness = staleness;
    }

    /** The result of {@link #prepare}: an error (or {@code ERR_OK}) and the mutation it replaced, if any. */
    public record PrepareResult(ErrorCode error, Mutation replaced) {
        static final PrepareResult OK = new PrepareResult(ErrorCode.ERR_OK, null);
    }

    public long lastCommittedDecree() {
        return lastCommittedDecree;
    }

    /** The highest decree held, or the commit point when nothing beyond it is held. */
    public long maxDecree() {
        return entries.isEmpty() ? lastCommittedDecree : Math.max(lastCommittedDecree, entries.lastKey());
    }

    /** The lowest decree held, or the commit point + 1 when the list is empty. */
    public long minDecree() {
        return entries.isEmpty() ? lastCommittedDecree + 1 : entries.firstKey();
    }

    public int capacity() {
        return capacity;
    }

    /** The entry at {@code decree}, or {@code null}. */
    public LogEntry get(long decree) {
        return entries.get(decree);
    }

    /** Whether a new decree would run more than {@code staleness_for_commit} ahead of the commit point. */
    public boolean exceedsStaleness(long decree) {
        return decree > lastCommittedDecree + staleness;
    }

    /**
     * Puts a mutation into the window (not logged yet).
     *
     * @param ackTo the primary to ack once logged, or {@code null}
     * @return {@code ERR_OK} (with the replaced mutation of a lower ballot, if any); {@code ERR_INVALID_VERSION} if the
     *     decree is committed or already holds a higher ballot; {@code ERR_CAPACITY_EXCEEDED} if the window is full
     *     of uncommitted decrees
     */
    public PrepareResult prepare(Mutation mutation, HostPort ackTo) {
        long decree = mutation.decree();
        if (decree <= lastCommittedDecree) {
            return new PrepareResult(ErrorCode.ERR_INVALID_VERSION, null);
        }
        LogEntry existing = entries.get(decree);
        if (existing != null && existing.ballot() > mutation.ballot()) {
            return new PrepareResult(ErrorCode.ERR_INVALID_VERSION, null);
        }
        while (!entries.isEmpty() && decree - entries.firstKey() >= capacity) {
            if (entries.firstKey() > lastCommittedDecree) {
                return new PrepareResult(ErrorCode.ERR_CAPACITY_EXCEEDED, null);
            }
            entries.pollFirstEntry();
        }
        entries.put(decree, new LogEntry(mutation, false, ackTo));
        return existing == null ? PrepareResult.OK : new PrepareResult(ErrorCode.ERR_OK, existing.mutation());
    }

    /**
     * <b>Test only</b> ({@link io.enif.replication.BrokenRule#ACCEPT_STALE_BALLOT}): {@link #prepare} without the
     * rule that a lower ballot never replaces a higher one.
     */
    public PrepareResult prepareIgnoringBallot(Mutation mutation, HostPort ackTo) {
        LogEntry existing = entries.get(mutation.decree());
        if (existing != null && existing.ballot() > mutation.ballot()) {
            entries.remove(mutation.decree());
        }
        return prepare(mutation, ackTo);
    }

    /**
     * Puts an already logged, already committed-elsewhere mutation (log replay at start, or one learned from a
     * learnee's cache) into the window as logged.
     */
    public PrepareResult prepareLogged(Mutation mutation) {
        PrepareResult result = prepare(mutation, null);
        if (result.error() == ErrorCode.ERR_OK) {
            entries.get(mutation.decree()).markLogged();
        }
        return result;
    }

    /**
     * Records that the log wrote {@code (ballot, decree)}.
     *
     * @return the entry, or {@code null} if the window no longer holds that ballot at that decree
     */
    public LogEntry markLogged(long ballot, long decree) {
        LogEntry entry = entries.get(decree);
        if (entry == null || entry.ballot() != ballot) {
            return null;
        }
        entry.markLogged();
        return entry;
    }

    /**
     * Commits decrees in order, from the commit point + 1 up to {@code upTo}, while each one is present and {@code
     * ready}.
     *
     * @return the newly committed mutations, in decree order
     */
    public List<Mutation> commitReady(long upTo, Predicate<LogEntry> ready) {
        List<Mutation> committed = new ArrayList<>();
        while (lastCommittedDecree < upTo) {
            LogEntry next = entries.get(lastCommittedDecree + 1);
            if (next == null || !ready.test(next)) {
                break;
            }
            lastCommittedDecree++;
            committed.add(next.mutation());
        }
        return committed;
    }

    /** The uncommitted entries, in decree order (holes skipped). */
    public List<LogEntry> uncommitted() {
        return new ArrayList<>(entries.tailMap(lastCommittedDecree, false).values());
    }

    /** The committed mutations in {@code [from, to]}, or {@code null} if the window no longer holds all of them. */
    public List<Mutation> committedRange(long from, long to) {
        List<Mutation> range = new ArrayList<>();
        for (long d = from; d <= Math.min(to, lastCommittedDecree); d++) {
            LogEntry entry = entries.get(d);
            if (entry == null) {
                return null;
            }
            range.add(entry.mutation());
        }
        return range;
    }

    /** Removes client request ids from every uncommitted entry. */
    public void stripRequests() {
        for (Map.Entry<Long, LogEntry> e :
                entries.tailMap(lastCommittedDecree, false).entrySet()) {
            e.getValue().stripRequests();
        }
    }

    /**
     * Empties the window and sets the commit point (a learner truncating to what its storage holds, or adopting a
     * learned checkpoint).
     *
     * @return the uncommitted mutations dropped, in decree order
     */
    public List<Mutation> reset(long newLastCommittedDecree) {
        List<Mutation> dropped = new ArrayList<>();
        for (LogEntry entry : entries.tailMap(lastCommittedDecree, false).values()) {
            dropped.add(entry.mutation());
        }
        entries.clear();
        lastCommittedDecree = newLastCommittedDecree;
        return dropped;
    }

    /** How many decrees the window holds. */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "PrepareList[committed " + lastCommittedDecree + ", " + entries.values() + "]";
    }
}
