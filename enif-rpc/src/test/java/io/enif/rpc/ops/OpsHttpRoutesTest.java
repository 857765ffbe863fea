package io.enif.rpc.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.command.CommandRegistry;
import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import io.enif.rpc.http.HttpRouter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The common HTTP routes and commands of §1.2 and §5.2, answered exactly as Pegasus words them. */
@Timeout(10)
class OpsHttpRoutesTest {
    static final ConfigKey<Duration> FD_GRACE =
            ConfigKey.secondsKey("replication", "fd_grace_seconds", 22, "Grace period of the failure detector");
    static final ConfigKey<Duration> GC_GARBAGE = ConfigKey.secondsKey(
                    "replication", "gc_disk_garbage_replica_interval_seconds", 86_400, "Keep garbage replicas")
            .mutable();
    static final ConfigKey<List<String>> SERVER_LIST =
            ConfigKey.stringListKey("meta_server", "server_list", List.of(), "The meta servers");

    private final Config config = ConfigLoader.forRegistry(ConfigRegistry.of(FD_GRACE, GC_GARBAGE, SERVER_LIST))
            .text(
                    "test.ini",
                    "[replication]\nfd_grace_seconds = 10\n[meta_server]\nserver_list = 127.0.0.1:1,127.0.0.1:2\n")
            .load();
    private final HttpRouter router = new HttpRouter();
    private final CommandRegistry commands = new CommandRegistry();
    private final ServerInfo info = new ServerInfo("meta", "1.2.3", "abc", Instant.parse("2026-01-02T03:04:05Z"));
    private final ServerOps ops =
            ServerOps.install(info, config, commands, router, new RpcDispatcher(), () -> Map.of("leader", "true"));

    @AfterEach
    void close() {
        ops.close();
    }

    private HttpResponse get(String path, String... params) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.computeIfAbsent(params[i], k -> new java.util.ArrayList<>()).add(params[i + 1]);
        }
        return router.handle(new HttpRequest("GET", path, map, Map.of(), new byte[0]));
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void configShowsOneKeyAsPegasusDoes() {
        HttpResponse response = get("/config", "name", "fd_grace_seconds");
        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response))
                .isEqualTo("{\"name\":\"fd_grace_seconds\",\"section\":\"replication\",\"type\":\"FV_INT32\","
                        + "\"tags\":\"\",\"description\":\"Grace period of the failure detector\",\"value\":\"10\"}");
        assertThat(body(get("/config", "name", "gc_disk_garbage_replica_interval_seconds")))
                .contains("\"tags\":\"flag_tag::FT_MUTABLE\"");
        assertThat(body(get("/config", "name", "nope"))).isEqualTo("ERR_OBJECT_NOT_FOUND: 'nope' is not found");
        assertThat(get("/config").status()).isEqualTo(400);
        assertThat(get("/config", "name", "fd_grace_seconds", "x", "1").status())
                .isEqualTo(400);
    }

    @Test
    void updateConfigChangesOnlyMutableKeysWithPegasusStatuses() {
        assertThat(body(get("/updateConfig", "gc_disk_garbage_replica_interval_seconds", "60")))
                .isEqualTo("{\"update_status\":\"ERR_OK\"}");
        assertThat(body(get("/config", "name", "gc_disk_garbage_replica_interval_seconds")))
                .contains("\"value\":\"60\"");
        assertThat(body(get("/updateConfig", "fd_grace_seconds", "5")))
                .isEqualTo("{\"update_status\":\"ERR_INVALID_PARAMETERS: fd_grace_seconds is not mutable\"}");
        assertThat(body(get("/updateConfig", "nope", "5")))
                .isEqualTo("{\"update_status\":\"ERR_OBJECT_NOT_FOUND: nope is not found\"}");
        assertThat(body(get("/updateConfig", "a", "1", "b", "2")))
                .isEqualTo("{\"update_status\":\"ERR_INVALID_PARAMETERS: there should be exactly one config to be"
                        + " updated once\"}");
        assertThat(body(get("/updateConfig", "gc_disk_garbage_replica_interval_seconds", "abc")))
                .startsWith("{\"update_status\":\"ERR_INVALID_PARAMETERS: ");
        assertThat(config.get(FD_GRACE)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.get(GC_GARBAGE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void configsVersionStartTimeAndIndex() {
        assertThat(body(get("/configs"))).contains("\"fd_grace_seconds\":{").contains("\"server_list\":{");
        assertThat(get("/configs", "x", "1").status()).isEqualTo(400);
        assertThat(body(get("/version"))).isEqualTo("{\"Version\":\"1.2.3\",\"GitCommit\":\"abc\"}");
        assertThat(body(get("/recentStartTime"))).isEqualTo("{\"RecentStartTime\":\"" + info.startTimeText() + "\"}");
        assertThat(get("/version", "detail", "1").status()).isEqualTo(400);
        assertThat(body(get("/")))
                .contains("\"/config\":\"name=<key>")
                .contains("\"/updateConfig\":")
                .contains("\"/recentStartTime\":");
    }

    @Test
    void commonCommandsAnswer(@TempDir Path dir) throws Exception {
        assertThat(commands.execute("config-dump", List.of()))
                .contains("[meta_server]")
                .contains("server_list = 127.0.0.1:1,127.0.0.1:2");
        Path file = dir.resolve("x.ini");
        assertThat(commands.execute("config-dump", List.of(file.toString()))).contains("\"error\":\"ok\"");
        assertThat(Files.readString(file)).contains("fd_grace_seconds = 10");
        assertThat(commands.execute("server-info", List.of()))
                .isEqualTo("{\"error\":\"ok\",\"build_type\":\"Release\",\"git_SHA\":\"abc\",\"start_time\":\""
                        + info.startTimeText() + "\",\"version\":\"1.2.3\"}");
        assertThat(commands.execute("server-stat", List.of())).isEqualTo("{\"error\":\"ok\",\"leader\":\"true\"}");
        assertThat(commands.execute("flush-log", List.of())).isEqualTo("{\"error\":\"ok\"}");
        assertThat(commands.execute("engine", List.of())).contains("\"heap_max_bytes\":\"");
        assertThat(commands.execute("task-code", List.of())).contains("RPC_CLI_CLI_CALL");
        assertThat(commands.execute("task.queue_max_length", List.of())).contains("\"64\"");
        assertThat(commands.execute("reset-log-start-level", List.of("LOUD"))).contains("ERR: ");
        String before = commands.execute("reset-log-start-level", List.of());
        assertThat(before).contains("\"error\":\"ok\"");
        assertThat(commands.execute("reset-log-start-level", List.of("WARNING")))
                .isEqualTo("{\"error\":\"ok\"}");
        assertThat(commands.execute("reset-log-start-level", List.of())).contains("\"WARNING\"");
        String level = before.replaceAll(".*\"reset-log-start-level\":\"([A-Z]+)\".*", "$1");
        commands.execute("reset-log-start-level", List.of(level));
    }
}
