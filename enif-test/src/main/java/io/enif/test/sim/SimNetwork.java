package io.enif.test.sim;

import io.enif.common.HostPort;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The simulated network between replica servers, the meta server and clients. Every message gets a random delay
 * (which reorders messages), and may be dropped or duplicated while the injector says so; directed links can be cut,
 * which gives symmetric, one-way and meta-only partitions.
 */
final class SimNetwork {
    private final SimScheduler scheduler;
    private final Random random;
    private final SimProfile profile;
    private final Map<HostPort, BiConsumer<HostPort, Object>> endpoints = new HashMap<>();
    private final Set<Map.Entry<HostPort, HostPort>> cut = new HashSet<>();
    /** Senders whose outgoing messages are held until a time (true ms), then all arrive late. */
    private final Map<HostPort, Long> stalledUntil = new HashMap<>();
    /** Probability that a message is lost, and that it is delivered twice. */
    double dropRate;

    double duplicateRate;
    /** A drop rate no other burst resets (the one burst every seed gets). */
    double forcedDropRate;
    /** Largest one-way delay in milliseconds. */
    long maxDelayMs = 3;

    SimNetwork(SimScheduler scheduler, Random random, SimProfile profile) {
        this.scheduler = scheduler;
        this.random = random;
        this.profile = profile;
    }

    /** Registers who receives messages sent to {@code address}: {@code (from, payload)}. */
    void register(HostPort address, BiConsumer<HostPort, Object> receiver) {
        endpoints.put(address, receiver);
    }

    /** Sends a message; the receiver runs later, or never. */
    void send(HostPort from, HostPort to, Object payload) {
        profile.messages++;
        if (cut.contains(Map.entry(from, to))) {
            profile.messagesCut++;
            return;
        }
        double drop = Math.max(dropRate, forcedDropRate);
        if (drop > 0 && random.nextDouble() < drop) {
            profile.messagesDropped++;
            return;
        }
        deliverLater(from, to, payload);
        // Client requests ride one TCP connection: the network never duplicates them (a client's own retry does).
        boolean client = payload instanceof SimMessages.ClientRequest || payload instanceof SimMessages.ClientReply;
        if (!client && duplicateRate > 0 && random.nextDouble() < duplicateRate) {
            profile.messagesDuplicated++;
            deliverLater(from, to, payload);
        }
    }

    private void deliverLater(HostPort from, HostPort to, Object payload) {
        long delay = 1 + (long) (random.nextDouble() * maxDelayMs);
        Long stall = stalledUntil.get(from);
        if (stall != null && stall > scheduler.now()) {
            profile.messagesStalled++;
            delay += stall - scheduler.now();
        }
        scheduler.after(delay, () -> {
            if (cut.contains(Map.entry(from, to))) {
                return; // cut while in flight
            }
            BiConsumer<HostPort, Object> receiver = endpoints.get(to);
            if (receiver != null) {
                receiver.accept(from, payload);
            }
        });
    }

    /** Cuts the directed link {@code from → to}. */
    void cut(HostPort from, HostPort to) {
        cut.add(Map.entry(from, to));
    }

    /** Cuts both directions between {@code a} and {@code b}. */
    void cutBoth(HostPort a, HostPort b) {
        cut(a, b);
        cut(b, a);
    }

    /**
     * Holds every message {@code from} sends until {@code untilMs} (true time); then they arrive, long after they were
     * sent, as from a stalled network card or a TCP send buffer behind a link that came back. An asynchronous network
     * may do this to any message; PacificA's ballots exist for it.
     */
    void stall(HostPort from, long untilMs) {
        stalledUntil.put(from, untilMs);
    }

    /** Restores every link and ends every stall (messages already held still arrive late). */
    void healAll() {
        cut.clear();
        stalledUntil.clear();
    }

    /** Restores both directions between {@code a} and {@code b}. */
    void heal(HostPort a, HostPort b) {
        cut.remove(Map.entry(a, b));
        cut.remove(Map.entry(b, a));
    }

    /** Whether {@code from → to} is cut. */
    boolean isCut(HostPort from, HostPort to) {
        return cut.contains(Map.entry(from, to));
    }
}
