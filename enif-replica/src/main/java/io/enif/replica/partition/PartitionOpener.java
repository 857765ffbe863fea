package io.enif.replica.partition;

import io.enif.common.concurrent.Lane;
import io.enif.proto.layer2.app_info;
import io.enif.replica.codec.MutationCodec;
import io.enif.replica.plog.PrivateLog;
import io.enif.replication.Mutation;
import io.enif.replication.Replica;
import io.enif.storage.PartitionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a replica's directory into a {@link PartitionRunner}: creates it for a new replica ({@code .app-info},
 * {@code .init-info}), opens the store at what it last persisted ({@code last_flushed_decree}, since RocksDB's WAL is
 * off) and replays the private log from there into the core ({@link Replica#recover}); the core then re-applies the
 * logged mutations that were committed.
 */
public final class PartitionOpener {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionOpener.class);

    private PartitionOpener() {}

    /** Creates a new replica's directory for {@code app} and opens it. */
    public static PartitionRunner create(ReplicaDir dir, app_info app, Lane lane, PartitionEnv env) throws IOException {
        if (Files.exists(dir.root())) {
            throw new IOException("replica directory " + dir.root() + " already exists");
        }
        Files.createDirectories(dir.dataDir());
        ReplicaDirFiles.writeAppInfo(dir, app);
        ReplicaDirFiles.writeInitInfo(dir, 0, 0);
        return open(dir, app, lane, env);
    }

    /**
     * Opens an existing replica's directory, reading its table from {@code .app-info}.
     *
     * @throws IOException when the directory is unusable (the caller moves it aside as {@code .err})
     */
    public static PartitionRunner open(ReplicaDir dir, Lane lane, PartitionEnv env) throws IOException {
        return open(dir, ReplicaDirFiles.readAppInfo(dir), lane, env);
    }

    private static PartitionRunner open(ReplicaDir dir, app_info app, Lane lane, PartitionEnv env) throws IOException {
        PartitionStore store = null;
        PrivateLog plog = null;
        try {
            store = env.stores().open(dir.gpid(), dir.rdbDir());
            plog = env.logs().open(dir.plogDir());
            long applied = store.lastCommittedDecree();
            Map<Long, Mutation> logged = new TreeMap<>();
            plog.replay(applied, record -> {
                Mutation m = MutationCodec.decode(record.record());
                if (m.decree() != record.decree()
                        || m.ballot() != record.ballot()
                        || !m.gpid().equals(dir.gpid())) {
                    throw new IllegalStateException(
                            "log record " + record.decree() + "." + record.ballot() + " holds mutation " + m.name());
                }
                logged.put(m.decree(), m); // a later record of a decree has the higher ballot
            });
            Replica replica =
                    Replica.recover(dir.gpid(), env.self(), env.options(), applied, new ArrayList<>(logged.values()));
            LOG.info(
                    "{}: opened at decree {} with {} logged mutations, committed {}",
                    replica,
                    applied,
                    logged.size(),
                    replica.lastCommittedDecree());
            return new PartitionRunner(dir, app, lane, env, replica, store, plog);
        } catch (RuntimeException e) {
            closeQuietly(store, plog);
            throw new IOException("cannot open replica " + dir.gpid() + " in " + dir.root() + ": " + e, e);
        }
    }

    private static void closeQuietly(PartitionStore store, PrivateLog plog) {
        try {
            if (plog != null) {
                plog.close();
            }
        } catch (RuntimeException ignored) {
            // already failing
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (RuntimeException ignored) {
            // already failing
        }
    }
}
