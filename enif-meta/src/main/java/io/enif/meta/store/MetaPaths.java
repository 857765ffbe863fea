package io.enif.meta.store;

import java.util.Objects;

/**
 * The ZooKeeper paths of one cluster ({@code spec/ops-recovery-and-architecture.md} §6.2).
 *
 * @param clusterRoot {@code [meta_server] cluster_root}, e.g. {@code /} (code default) or {@code /pegasus/onebox}
 * @param lockRoot {@code [meta_server] distributed_lock_service_parameters}, or {@code <cluster_root>/lock} when that
 *     is empty
 */
public record MetaPaths(String clusterRoot, String lockRoot) {

    /** The name of the leader lock (Pegasus's lock id). */
    public static final String LEADER_LOCK = "dsn.meta.server.leader";

    /** Enif's epoch node, next to the leader lock. */
    public static final String EPOCH_NODE = "dsn.meta.server.epoch";

    public MetaPaths {
        clusterRoot = normalize(clusterRoot);
        lockRoot = normalize(lockRoot);
    }

    /** The paths for {@code clusterRoot} and the lock parameter ({@code ""} = {@code <cluster_root>/lock}). */
    public static MetaPaths of(String clusterRoot, String lockParameters) {
        String root = normalize(clusterRoot);
        String lock = lockParameters == null || lockParameters.isBlank() ? join(root, "lock") : lockParameters;
        return new MetaPaths(root, lock);
    }

    /** {@code <cluster_root>/apps}. */
    public String apps() {
        return join(clusterRoot, "apps");
    }

    /** {@code <cluster_root>/apps/<app_id>}. */
    public String app(int appId) {
        return join(apps(), Integer.toString(appId));
    }

    /** {@code <cluster_root>/apps/<app_id>/<pidx>}. */
    public String partition(int appId, int partitionIndex) {
        return join(app(appId), Integer.toString(partitionIndex));
    }

    /** The leader latch's parent node. */
    public String leaderLatch() {
        return join(lockRoot, LEADER_LOCK);
    }

    /** The epoch node, whose version is the current leadership epoch. */
    public String epoch() {
        return join(lockRoot, EPOCH_NODE);
    }

    /** {@code parent/child} without a doubled slash. */
    static String join(String parent, String child) {
        return parent.endsWith("/") ? parent + child : parent + "/" + child;
    }

    private static String normalize(String path) {
        Objects.requireNonNull(path, "path");
        String trimmed = path.trim();
        if (!trimmed.startsWith("/")) {
            throw new IllegalArgumentException("ZooKeeper path must start with '/': '" + path + "'");
        }
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
