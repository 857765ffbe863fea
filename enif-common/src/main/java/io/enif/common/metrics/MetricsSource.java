package io.enif.common.metrics;

import java.util.Objects;

/**
 * Who serves the metrics: the header of the JSON form and the labels every Prometheus series carries.
 *
 * @param cluster the cluster name ({@code [replication] cluster_name})
 * @param role {@code meta} or {@code replica}
 * @param host the host the server is known by
 * @param port its RPC port
 */
public record MetricsSource(String cluster, String role, String host, int port) {
    public MetricsSource {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(host, "host");
    }

    /** {@code host:port}. */
    public String node() {
        return host + ":" + port;
    }
}
