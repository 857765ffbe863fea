package io.enif.rpc.ops;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigDump;
import io.enif.common.config.ConfigException;
import io.enif.common.config.ConfigJson;
import io.enif.common.config.ConfigKey;
import io.enif.common.error.ErrorCode;
import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import io.enif.rpc.http.HttpRouter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP routes of every server ({@code spec/ops-cluster.md} §1.2, §5.2): {@code /}, {@code /version}, {@code
 * /recentStartTime}, {@code /config}, {@code /configs} and {@code /updateConfig}. Bodies are JSON; an unknown
 * parameter is answered with 400.
 */
public final class OpsHttpRoutes {
    /** Helps of paths that others route without one (shown by {@code /} until they give theirs). */
    static final Map<String, String> KNOWN_HELP =
            Map.of("/metrics", "Metrics, Prometheus text (or Pegasus's JSON with a filter parameter)");

    private final Config config;
    private final ServerInfo info;
    private final HttpRouter router;

    private OpsHttpRoutes(Config config, ServerInfo info, HttpRouter router) {
        this.config = config;
        this.info = info;
        this.router = router;
    }

    /** Adds the common routes to {@code router}. */
    public static void register(HttpRouter router, Config config, ServerInfo info) {
        OpsHttpRoutes routes = new OpsHttpRoutes(config, info, router);
        router.route("/", "List every path with its help", routes::index)
                .route("/version", "The version and commit of this server", routes::version)
                .route("/recentStartTime", "When this server started", routes::recentStartTime)
                .route(
                        "/config",
                        "name=<key>: one configuration key, its value and whether it is mutable",
                        routes::config)
                .route("/configs", "Every registered configuration key", routes::configs)
                .route(
                        "/updateConfig",
                        "<key>=<value>: change one mutable key in memory (not written to the file)",
                        routes::updateConfig);
    }

    private HttpResponse index(HttpRequest request) {
        Optional<HttpResponse> bad = HttpParams.unknown(request, Set.of());
        if (bad.isPresent()) {
            return bad.get();
        }
        Map<String, Object> paths = new LinkedHashMap<>();
        router.routes().keySet().forEach(path -> {
            String help = router.help(path);
            paths.put(path, help.isEmpty() ? KNOWN_HELP.getOrDefault(path, "") : help);
        });
        return HttpResponse.json(200, ConfigJson.write(paths));
    }

    private HttpResponse version(HttpRequest request) {
        return HttpParams.unknown(request, Set.of()).orElseGet(() -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("Version", info.version());
            body.put("GitCommit", info.gitSha());
            return json(body);
        });
    }

    private HttpResponse recentStartTime(HttpRequest request) {
        return HttpParams.unknown(request, Set.of())
                .orElseGet(() -> json(Map.of("RecentStartTime", info.startTimeText())));
    }

    private HttpResponse config(HttpRequest request) {
        Optional<String> name = request.parameter("name");
        if (request.parameters().size() != 1 || name.isEmpty()) {
            return HttpResponse.text(400, "/config takes exactly one parameter: name=<key>\n");
        }
        Optional<ConfigKey<?>> key;
        try {
            key = config.lookup(name.get());
        } catch (ConfigException e) {
            return HttpResponse.text(200, e.errorCode().wireName() + ": " + e.getMessage());
        }
        return key.map(k -> HttpResponse.json(200, ConfigDump.toConfigJson(config.entry(k))))
                .orElseGet(() -> HttpResponse.text(
                        200, ErrorCode.ERR_OBJECT_NOT_FOUND.wireName() + ": '" + name.get() + "' is not found"));
    }

    private HttpResponse configs(HttpRequest request) {
        return HttpParams.unknown(request, Set.of())
                .orElseGet(() -> HttpResponse.json(200, ConfigDump.toConfigsJson(config)));
    }

    private HttpResponse updateConfig(HttpRequest request) {
        Map<String, List<String>> params = request.parameters();
        if (params.size() != 1 || params.values().iterator().next().size() != 1) {
            return updateStatus(ErrorCode.ERR_INVALID_PARAMETERS.wireName()
                    + ": there should be exactly one config to be updated once");
        }
        String name = params.keySet().iterator().next();
        String value = params.get(name).get(0);
        try {
            config.update(name, value);
        } catch (ConfigException e) {
            return updateStatus(e.errorCode().wireName() + ": " + e.getMessage());
        }
        return updateStatus(ErrorCode.ERR_OK.wireName());
    }

    private static HttpResponse updateStatus(String status) {
        return json(Map.of("update_status", status));
    }

    private static HttpResponse json(Map<String, ?> body) {
        return HttpResponse.json(200, ConfigJson.write(body));
    }
}
