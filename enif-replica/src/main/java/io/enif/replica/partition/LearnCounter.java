package io.enif.replica.partition;

import io.enif.replication.learn.LearnType;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How a replica learned: the learn replies it received as a learner, by learn type, since it was opened (for metrics
 * and tests) and since its current learning began (for the one log line per finished learning that operators and
 * the onebox check read).
 */
final class LearnCounter {
    private final Map<LearnType, AtomicLong> total = new EnumMap<>(LearnType.class);
    private final Map<LearnType, Long> atStart = new EnumMap<>(LearnType.class);

    LearnCounter() {
        for (LearnType type : LearnType.values()) {
            total.put(type, new AtomicLong());
            atStart.put(type, 0L);
        }
    }

    /** A learn reply of {@code type} arrived; any thread. */
    void add(LearnType type) {
        total.get(type).incrementAndGet();
    }

    /** Since the replica was opened; any thread. */
    long count(LearnType type) {
        return total.get(type).get();
    }

    /** A learning begins (the replica became a potential secondary); lane only. */
    void learningStarted() {
        total.forEach((type, n) -> atStart.put(type, n.get()));
    }

    /** The replies of the learning that began last, as {@code LT_CACHE=1 LT_LOG=0 LT_APP=0}; lane only. */
    String sinceStart() {
        StringJoiner out = new StringJoiner(" ");
        total.forEach((type, n) -> out.add(type.name() + "=" + (n.get() - atStart.get(type))));
        return out.toString();
    }
}
