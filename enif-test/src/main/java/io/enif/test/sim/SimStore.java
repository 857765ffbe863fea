package io.enif.test.sim;

import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.test.history.Op;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One replica's storage engine: the mutations applied, by decree, and the data they produced (hash key → sort key →
 * value). Like RocksDB with its WAL off (DESIGN §2.3), what was applied after the last flush is lost in a crash and
 * replayed from the private log.
 *
 * <p>Also the codec of the simulated client writes: a {@link MutationUpdate}'s body is the hash key and the {@link
 * Op}, so every replica applies incr and check_and_set itself, as Pegasus's replicas do.
 */
final class SimStore {
    static final String PUT = "RPC_RRDB_RRDB_PUT";
    static final String MULTI_PUT = "RPC_RRDB_RRDB_MULTI_PUT";
    static final String INCR = "RPC_RRDB_RRDB_INCR";
    static final String CHECK_AND_SET = "RPC_RRDB_RRDB_CHECK_AND_SET";
    private static final String SEP = "\u001f";

    private TreeMap<Long, Mutation> applied = new TreeMap<>();
    private final Map<String, TreeMap<String, String>> data = new HashMap<>();
    private long flushedDecree;

    long appliedUpTo() {
        return applied.isEmpty() ? 0 : applied.lastKey();
    }

    long flushedDecree() {
        return flushedDecree;
    }

    /** Makes everything applied durable (a memtable flush). */
    void flush() {
        flushedDecree = appliedUpTo();
    }

    /** Applies one committed mutation; returns the results of the updates a local client waits for. */
    Map<Long, Object> apply(Mutation m) {
        if (m.decree() != appliedUpTo() + 1) {
            throw new IllegalStateException("decree " + m.decree() + " applied after " + appliedUpTo());
        }
        applied.put(m.decree(), m);
        Map<Long, Object> results = new HashMap<>();
        for (MutationUpdate u : m.updates()) {
            Object r = applyUpdate(u);
            if (u.hasRequest()) {
                results.put(u.requestId(), r);
            }
        }
        return results;
    }

    private Object applyUpdate(MutationUpdate u) {
        String[] f = new String(u.data(), StandardCharsets.UTF_8).split(SEP, -1);
        Op op = decode(f);
        TreeMap<String, String> row = data.computeIfAbsent(f[1], k -> new TreeMap<>());
        if (op instanceof Op.Put p) {
            row.put(p.sortKey(), p.value());
            return null;
        } else if (op instanceof Op.MultiPut mp) {
            row.putAll(mp.values());
            return null;
        } else if (op instanceof Op.Incr i) {
            String old = row.get(i.sortKey());
            long v = (old == null ? 0 : Long.parseLong(old)) + i.delta();
            row.put(i.sortKey(), Long.toString(v));
            return v;
        } else if (op instanceof Op.CheckAndSet c) {
            if (Objects.equals(row.get(c.checkSortKey()), c.expected())) {
                row.put(c.setSortKey(), c.setValue());
                return Boolean.TRUE;
            }
            return Boolean.FALSE;
        }
        return null; // an empty write
    }

    /** The value of a sort key, or null. */
    String get(String hashKey, String sortKey) {
        Map<String, String> row = data.get(hashKey);
        return row == null ? null : row.get(sortKey);
    }

    /** Every hash key's data. */
    Map<String, Map<String, String>> data() {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        data.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, new TreeMap<>(v));
            }
        });
        return copy;
    }

    /** The applied mutations (live view). */
    SortedMap<Long, Mutation> applied() {
        return applied;
    }

    /** A crash: what was applied after the last flush is gone. */
    void loseUnflushed() {
        TreeMap<Long, Mutation> kept = new TreeMap<>(applied.headMap(flushedDecree, true));
        rebuild(kept);
    }

    /** Throws everything away. */
    void clear() {
        rebuild(new TreeMap<>());
        flushedDecree = 0;
    }

    /** Installs a learned checkpoint ({@code LT_APP}): the learnee's mutations up to its decree. */
    void install(SortedMap<Long, Mutation> checkpoint) {
        rebuild(new TreeMap<>(checkpoint));
        flush();
    }

    /** Replays learned log entries ({@code LT_LOG}) after what is applied. */
    void replay(SortedMap<Long, Mutation> entries) {
        for (Mutation m : entries.values()) {
            if (m.decree() == appliedUpTo() + 1) {
                apply(m.withoutRequests());
            }
        }
        flush();
    }

    private void rebuild(TreeMap<Long, Mutation> mutations) {
        applied = new TreeMap<>();
        data.clear();
        for (Mutation m : mutations.values()) {
            if (m.decree() != appliedUpTo() + 1) {
                break;
            }
            apply(m);
        }
        flushedDecree = Math.min(flushedDecree, appliedUpTo());
    }

    // ---- the codec of simulated writes ----

    /** The client message name of a write. */
    static String code(Op op) {
        if (op instanceof Op.Put) {
            return PUT;
        } else if (op instanceof Op.MultiPut) {
            return MULTI_PUT;
        } else if (op instanceof Op.Incr) {
            return INCR;
        }
        return CHECK_AND_SET;
    }

    static byte[] encode(String hashKey, Op op) {
        List<String> f = new ArrayList<>();
        if (op instanceof Op.Put p) {
            f.addAll(List.of("put", hashKey, p.sortKey(), p.value()));
        } else if (op instanceof Op.MultiPut mp) {
            f.addAll(List.of("multi_put", hashKey));
            mp.values().forEach((k, v) -> {
                f.add(k);
                f.add(v);
            });
        } else if (op instanceof Op.Incr i) {
            f.addAll(List.of("incr", hashKey, i.sortKey(), Long.toString(i.delta())));
        } else if (op instanceof Op.CheckAndSet c) {
            f.addAll(List.of(
                    "check_and_set",
                    hashKey,
                    c.checkSortKey(),
                    c.expected() == null ? "\u0000" : c.expected(),
                    c.setSortKey(),
                    c.setValue()));
        } else {
            throw new IllegalArgumentException("not a write: " + op);
        }
        return String.join(SEP, f).getBytes(StandardCharsets.UTF_8);
    }

    private static Op decode(String[] f) {
        switch (f[0]) {
            case "put":
                return new Op.Put(f[2], f[3]);
            case "multi_put":
                Map<String, String> values = new TreeMap<>();
                for (int i = 2; i + 1 < f.length; i += 2) {
                    values.put(f[i], f[i + 1]);
                }
                return new Op.MultiPut(values);
            case "incr":
                return new Op.Incr(f[2], Long.parseLong(f[3]));
            case "check_and_set":
                return new Op.CheckAndSet(f[2], "\u0000".equals(f[3]) ? null : f[3], f[4], f[5]);
            default:
                return null;
        }
    }
}
