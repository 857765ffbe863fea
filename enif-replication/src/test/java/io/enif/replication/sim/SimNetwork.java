package io.enif.replication.sim;

import io.enif.common.HostPort;
import io.enif.replication.message.ReplicaMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The simulated network between replicas: messages in flight, delivered in order, reordered, dropped or duplicated
 * under a seeded {@link Random}. A blocked link holds its messages until unblocked.
 */
final class SimNetwork {

    /** One message in flight. */
    record Envelope(long id, HostPort from, HostPort to, ReplicaMessage message) {}

    private final Random random;
    private final List<Envelope> inFlight = new ArrayList<>();
    private final Set<List<HostPort>> blocked = new HashSet<>();
    private long nextId;

    SimNetwork(Random random) {
        this.random = random;
    }

    void send(HostPort from, HostPort to, ReplicaMessage message) {
        inFlight.add(new Envelope(nextId++, from, to, message));
    }

    /** Holds every message from {@code from} to {@code to} until {@link #unblock}. */
    void block(HostPort from, HostPort to) {
        blocked.add(List.of(from, to));
    }

    void unblock(HostPort from, HostPort to) {
        blocked.remove(List.of(from, to));
    }

    boolean isBlocked(Envelope e) {
        return blocked.contains(List.of(e.from(), e.to()));
    }

    /** The messages that may be delivered now, oldest first. */
    List<Envelope> deliverable() {
        List<Envelope> ready = new ArrayList<>();
        for (Envelope e : inFlight) {
            if (!isBlocked(e)) {
                ready.add(e);
            }
        }
        return ready;
    }

    /** Removes and returns the oldest deliverable message, or {@code null}. */
    Envelope takeOldest() {
        for (int i = 0; i < inFlight.size(); i++) {
            if (!isBlocked(inFlight.get(i))) {
                return inFlight.remove(i);
            }
        }
        return null;
    }

    /** Removes and returns a random deliverable message, or {@code null}. */
    Envelope takeRandom() {
        List<Envelope> ready = deliverable();
        if (ready.isEmpty()) {
            return null;
        }
        Envelope chosen = ready.get(random.nextInt(ready.size()));
        inFlight.remove(chosen);
        return chosen;
    }

    /** Copies a random deliverable message (the copy is delivered later too). */
    void duplicateRandom() {
        List<Envelope> ready = deliverable();
        if (!ready.isEmpty()) {
            Envelope e = ready.get(random.nextInt(ready.size()));
            send(e.from(), e.to(), e.message());
        }
    }

    /** Loses a random deliverable message. */
    void dropRandom() {
        List<Envelope> ready = deliverable();
        if (!ready.isEmpty()) {
            inFlight.remove(ready.get(random.nextInt(ready.size())));
        }
    }

    /** Loses every message matching {@code filter}; returns how many. */
    int dropIf(Predicate<Envelope> filter) {
        int before = inFlight.size();
        inFlight.removeIf(filter);
        return before - inFlight.size();
    }

    /** Every message in flight (blocked ones too), oldest first. */
    List<Envelope> inFlight() {
        return List.copyOf(inFlight);
    }

    boolean hasDeliverable() {
        for (Envelope e : inFlight) {
            if (!isBlocked(e)) {
                return true;
            }
        }
        return false;
    }
}
