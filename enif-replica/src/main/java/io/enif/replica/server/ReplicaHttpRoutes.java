package io.enif.replica.server;

import io.enif.common.config.ConfigJson;
import io.enif.replica.partition.PartitionRunner;
import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import io.enif.rpc.http.HttpRouter;
import io.enif.rpc.ops.HttpParams;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replica server's HTTP routes ({@code spec/ops-cluster.md} §5.2): {@code /replica/data_version?app_id=}, the
 * data version of each replica of a table hosted here, {@code {"<pidx>":{"data_version":"1"}}}. Enif writes
 * Pegasus's data version 1 (the key and value layout of {@code spec/protocol.md}) in every table.
 */
final class ReplicaHttpRoutes {
    /** The data version of every Enif table: Pegasus's version 1 layout. */
    static final int DATA_VERSION = 1;

    private final ReplicaManager manager;

    ReplicaHttpRoutes(ReplicaManager manager) {
        this.manager = manager;
    }

    void register(HttpRouter router) {
        router.route(
                "/replica/data_version",
                "app_id=<id>: the data version of this server's replicas of a table",
                this::dataVersion);
    }

    private HttpResponse dataVersion(HttpRequest request) {
        Optional<HttpResponse> bad = HttpParams.unknown(request, Set.of("app_id"));
        if (bad.isPresent()) {
            return bad.get();
        }
        int appId;
        try {
            appId = Integer.parseInt(request.parameter("app_id").orElse("").trim());
        } catch (NumberFormatException e) {
            return HttpResponse.text(400, "app_id should be an integer\n");
        }
        Map<Integer, Object> rows = new TreeMap<>();
        for (PartitionRunner runner : manager.runners()) {
            if (runner.gpid().appId() == appId) {
                rows.put(runner.gpid().partitionIndex(), Map.of("data_version", String.valueOf(DATA_VERSION)));
            }
        }
        return HttpResponse.json(200, ConfigJson.write(rows));
    }
}
