package io.enif.replica.partition;

import io.enif.common.error.ErrorCode;
import io.enif.proto.key.ExpireTime;
import io.enif.replica.codec.LearnFiles;
import io.enif.replica.codec.MutationCodec;
import io.enif.replica.codec.WriteCodec;
import io.enif.replica.plog.PrivateLog;
import io.enif.replication.Mutation;
import io.enif.replication.learn.LearnType;
import io.enif.replication.ready.Ready;
import io.enif.storage.PartitionStore;
import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The learner's application of copied files (spec §6.9 step 5), on the partition's lane, once {@link LearnTransfers}
 * has put them into the replica's {@code learn/} directory, and the learnee's description of what to copy.
 *
 * <ul>
 *   <li>{@code LT_APP}: the copied checkpoint becomes the live database ({@code data/rdb}); the private log, which
 *       may hold decrees of an older history, starts empty.
 *   <li>{@code LT_LOG}: the copied log files are opened as a private log and their mutations in {@code (from, to]}
 *       applied to the store in decree order (the last ballot of a decree wins); the store is then flushed, so the
 *       learned decrees are durable without being in this replica's own log.
 * </ul>
 */
final class LearnedState {
    private LearnedState() {}

    /** The files under {@code base}, recursively, as paths relative to it with their sizes. */
    static LearnFiles describe(Path base, List<Path> files) throws IOException {
        List<String> names = new ArrayList<>(files.size());
        List<Long> sizes = new ArrayList<>(files.size());
        for (Path f : files) {
            Path absolute = f.isAbsolute() ? f : base.resolve(f);
            names.add(base.relativize(absolute).toString());
            sizes.add(Files.size(absolute));
        }
        return new LearnFiles(base.toAbsolutePath().toString(), names, sizes);
    }

    /** Every regular file under {@code dir}, recursively. */
    static List<Path> listFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such directory " + dir);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * Applies the copied state.
     *
     * @return the decree the store now holds
     * @throws LearnException when the files are unusable or do not reach {@code toDecreeInclusive}
     */
    static long apply(PartitionRunner runner, Ready.ApplyLearnedState transfer) {
        ReplicaDir dir = runner.dir();
        try {
            long decree = transfer.type() == LearnType.LT_APP
                    ? applyCheckpoint(runner, dir)
                    : applyLog(runner, dir, transfer.fromDecreeExclusive(), transfer.toDecreeInclusive());
            if (decree < transfer.toDecreeInclusive()) {
                throw new LearnException(
                        ErrorCode.ERR_LEARN_FILE_FAILED,
                        "learned state reaches decree " + decree + ", not " + transfer.toDecreeInclusive());
            }
            return decree;
        } catch (IOException | RuntimeException e) {
            if (e instanceof LearnException le) {
                throw le;
            }
            throw new LearnException(ErrorCode.ERR_LEARN_FILE_FAILED, "cannot apply learned files: " + e, e);
        } finally {
            try {
                Checkpoints.deleteRecursively(dir.learnDir());
            } catch (IOException ignored) {
                // left for the next round, which clears it before copying
            }
        }
    }

    private static long applyCheckpoint(PartitionRunner runner, ReplicaDir dir) throws IOException {
        PartitionEnv env = runner.env();
        runner.store().close();
        runner.plog().close();
        Path rdb = dir.rdbDir();
        Checkpoints.deleteRecursively(rdb);
        Files.move(dir.learnDir(), rdb);
        Checkpoints.deleteRecursively(dir.plogDir());
        runner.replacePlog(env.logs().open(dir.plogDir()));
        PartitionStore store = env.stores().open(runner.gpid(), rdb);
        runner.replaceStore(store);
        long decree = store.lastCommittedDecree();
        store.createCheckpoint(dir.dataDir()); // a learner of this replica can be taught from it at once
        return decree;
    }

    private static long applyLog(PartitionRunner runner, ReplicaDir dir, long from, long to) {
        PartitionStore store = runner.store();
        Map<Long, Mutation> byDecree = new TreeMap<>();
        try (PrivateLog copied = runner.env().logs().open(dir.learnDir())) {
            copied.replay(from, record -> {
                if (record.decree() > from && record.decree() <= to) {
                    byDecree.put(record.decree(), MutationCodec.decode(record.record()));
                }
            });
        }
        long next = Math.max(from, store.lastCommittedDecree()) + 1;
        for (Mutation m : byDecree.values()) {
            if (m.decree() < next) {
                continue;
            }
            if (m.decree() != next) {
                throw new LearnException(
                        ErrorCode.ERR_LEARN_FILE_FAILED, "learned log misses decree " + next + " before " + m.decree());
            }
            int now2016 = (int) (m.timestampUs() / 1_000_000 - ExpireTime.EPOCH_2016_UNIX_SECONDS);
            store.apply(m.decree(), now2016, WriteCodec.decodeAll(m.updates()));
            next++;
        }
        store.flush();
        return store.lastCommittedDecree();
    }
}
