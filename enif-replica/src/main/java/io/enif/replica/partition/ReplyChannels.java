package io.enif.replica.partition;

import io.enif.common.HostPort;
import io.enif.replication.message.ReplicaMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Matches the replies the core emits as separate messages to the RPC requests they answer (the core matches by
 * content, the wire by RPC). Lane-confined.
 *
 * <ul>
 *   <li>a {@code PrepareAck} to X answers every prepare from X of the same ballot and decree (a duplicate prepare
 *       waits for the same log write);
 *   <li>a {@code GroupCheckReply} to X answers X's oldest group check (the core answers each at once, in order);
 *   <li>a {@code LearnReply} answers the learn request whose number it echoes (the driver numbers them).
 * </ul>
 *
 * A request the core never answers (a prepare of an old ballot) is dropped after a while without a reply; the sender
 * times out.
 */
final class ReplyChannels {
    private record PrepareKey(HostPort from, long ballot, long decree) {}

    private record Waiting(Consumer<ReplicaMessage> reply, long sinceMs) {}

    private final Map<PrepareKey, List<Waiting>> prepares = new HashMap<>();
    private final Map<HostPort, Deque<Waiting>> groupChecks = new HashMap<>();
    private final Map<Long, Waiting> learns = new HashMap<>();
    private long nextRound = 1;

    void awaitPrepare(HostPort from, ReplicaMessage.Prepare prepare, Consumer<ReplicaMessage> reply, long nowMs) {
        PrepareKey key = new PrepareKey(
                from, prepare.mutation().ballot(), prepare.mutation().decree());
        prepares.computeIfAbsent(key, k -> new ArrayList<>()).add(new Waiting(reply, nowMs));
    }

    void awaitGroupCheck(HostPort from, Consumer<ReplicaMessage> reply, long nowMs) {
        groupChecks.computeIfAbsent(from, k -> new ArrayDeque<>()).add(new Waiting(reply, nowMs));
    }

    /** Registers a learn request and returns the number the core must echo. */
    long awaitLearn(Consumer<ReplicaMessage> reply, long nowMs) {
        long round = nextRound++;
        learns.put(round, new Waiting(reply, nowMs));
        return round;
    }

    /** Whether {@code message} is a reply (answered here, or dropped when nobody waits). */
    static boolean isReply(ReplicaMessage message) {
        return message instanceof ReplicaMessage.PrepareAck
                || message instanceof ReplicaMessage.GroupCheckReply
                || message instanceof ReplicaMessage.LearnReply;
    }

    /**
     * Hands a reply the core emitted to the requests it answers.
     *
     * @return how many waiting requests got it
     */
    int answer(HostPort to, ReplicaMessage message) {
        if (message instanceof ReplicaMessage.PrepareAck ack) {
            List<Waiting> waiting = prepares.remove(new PrepareKey(to, ack.ballot(), ack.decree()));
            if (waiting == null) {
                return 0;
            }
            waiting.forEach(w -> w.reply().accept(message));
            return waiting.size();
        }
        if (message instanceof ReplicaMessage.GroupCheckReply) {
            Deque<Waiting> waiting = groupChecks.get(to);
            Waiting first = waiting == null ? null : waiting.poll();
            if (first == null) {
                return 0;
            }
            if (waiting.isEmpty()) {
                groupChecks.remove(to);
            }
            first.reply().accept(message);
            return 1;
        }
        if (message instanceof ReplicaMessage.LearnReply reply) {
            Waiting waiting = learns.remove(reply.round());
            if (waiting == null) {
                return 0;
            }
            waiting.reply().accept(message);
            return 1;
        }
        return 0;
    }

    /** Forgets requests waiting since before {@code cutoffMs}; their senders time out. */
    void purgeOlderThan(long cutoffMs) {
        prepares.values().removeIf(list -> {
            list.removeIf(w -> w.sinceMs() < cutoffMs);
            return list.isEmpty();
        });
        for (Iterator<Deque<Waiting>> it = groupChecks.values().iterator(); it.hasNext(); ) {
            Deque<Waiting> waiting = it.next();
            waiting.removeIf(w -> w.sinceMs() < cutoffMs);
            if (waiting.isEmpty()) {
                it.remove();
            }
        }
        learns.values().removeIf(w -> w.sinceMs() < cutoffMs);
    }

    /** How many requests wait for an answer. */
    int waiting() {
        int n = learns.size();
        for (List<Waiting> l : prepares.values()) {
            n += l.size();
        }
        for (Deque<Waiting> d : groupChecks.values()) {
            n += d.size();
        }
        return n;
    }

    void clear() {
        prepares.clear();
        groupChecks.clear();
        learns.clear();
    }
}
