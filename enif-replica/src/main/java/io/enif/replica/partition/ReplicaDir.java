package io.enif.replica.partition;

import io.enif.common.Gpid;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One replica's directory (spec §6.15): {@code <data_dir>/replica/reps/<app_id>.<partition_index>.pegasus/} holding
 * {@code data/rdb} (the live RocksDB), {@code data/checkpoint.<decree>}, {@code plog/}, {@code learn/}, {@code
 * .app-info} and {@code .init-info}. A replica in error is renamed {@code <gpid>.pegasus.<us>.err}, a garbage one
 * {@code <gpid>.pegasus.<us>.gar}.
 *
 * @param root the replica's directory
 * @param gpid the partition
 * @param diskTag the tag of the data dir it lives on
 */
public record ReplicaDir(Path root, Gpid gpid, String diskTag) {
    /** The app type every Enif table has. */
    public static final String APP_TYPE = "pegasus";

    /** The suffix of a replica directory in error. */
    public static final String ERR_SUFFIX = ".err";

    /** The suffix of a garbage replica directory. */
    public static final String GAR_SUFFIX = ".gar";

    /** The directory of {@code gpid} under a data dir's {@code replica/reps}. */
    public static ReplicaDir of(Path repsDir, Gpid gpid, String diskTag) {
        return new ReplicaDir(repsDir.resolve(name(gpid)), gpid, diskTag);
    }

    /** {@code <app_id>.<partition_index>.pegasus}. */
    public static String name(Gpid gpid) {
        return gpid.appId() + "." + gpid.partitionIndex() + "." + APP_TYPE;
    }

    /** The gpid a live replica directory's name carries, or empty for anything else (.err, .gar, .tmp, ...). */
    public static Optional<Gpid> parse(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 3 || !parts[2].equals(APP_TYPE)) {
            return Optional.empty();
        }
        try {
            int appId = Integer.parseInt(parts[0]);
            int pidx = Integer.parseInt(parts[1]);
            return appId > 0 && pidx >= 0 ? Optional.of(new Gpid(appId, pidx)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code data/}: the live database and its checkpoints. */
    public Path dataDir() {
        return root.resolve("data");
    }

    /** {@code data/rdb}: the live RocksDB. */
    public Path rdbDir() {
        return dataDir().resolve("rdb");
    }

    /** {@code plog/}: the private log. */
    public Path plogDir() {
        return root.resolve("plog");
    }

    /** {@code learn/}: files being learned. */
    public Path learnDir() {
        return root.resolve("learn");
    }

    public Path appInfoFile() {
        return root.resolve(".app-info");
    }

    public Path initInfoFile() {
        return root.resolve(".init-info");
    }

    /** Where this directory goes when renamed with {@code suffix} at {@code nowUs}: {@code <name>.<us><suffix>}. */
    public Path renamed(long nowUs, String suffix) {
        return root.resolveSibling(root.getFileName() + "." + nowUs + suffix);
    }
}
