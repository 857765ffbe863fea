package io.enif.test.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.command.RemoteCommandClient;
import io.enif.shell.ClusterBackend;
import io.enif.shell.Shell;
import io.enif.test.minicluster.DataClient;
import io.enif.test.minicluster.MetaNodeHandle;
import io.enif.test.minicluster.MiniCluster;
import io.enif.test.minicluster.MiniMetaCluster;
import io.enif.test.minicluster.ReplicaNodeHandle;
import io.enif.test.minicluster.TableRoutes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance checks of {@code spec/ops-cluster.md} §1.5 (CFG-A1..A4), §4.4 (RC-A1..A4) and §5.4 (HTTP-A1..A4) on
 * a mini-cluster of 3 meta servers and 3 replica servers with table {@code temp} (8 × 3), over the servers' real
 * ports: HTTP with {@link HttpClient}, remote commands over {@code RPC_CLI_CLI_CALL}, and the shell's {@code
 * remote_command} and {@code nodes -d}. Checks that restart or kill something run last.
 */
@Timeout(240)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsAcceptanceTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final byte[] DENY_KEY = DataClient.key("deny", "k");

    @TempDir
    static Path dir;

    private static MiniCluster cluster;
    private static TableRoutes temp;
    private static RpcClient rpc;
    private static RemoteCommandClient commands;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void start() throws Exception {
        cluster = MiniCluster.builder(dir).metaServers(3).replicaServers(3).start();
        temp = cluster.createTable("temp", 8, 3, WAIT);
        rpc = new RpcClient(RpcClientConfig.defaults());
        commands = new RemoteCommandClient(rpc);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rpc != null) {
            rpc.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static HttpResponse<String> get(HostPort server, String pathAndQuery) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + server + pathAndQuery))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String rc(HostPort server, String command, String... args) throws Exception {
        return commands.call(server, command, List.of(args)).get(10, TimeUnit.SECONDS);
    }

    private static String shell(String script) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String metas =
                cluster.metas().addresses().stream().map(HostPort::toString).collect(Collectors.joining(","));
        try (ClusterBackend backend = ClusterBackend.connect(metas, 5000)) {
            int status = new Shell(backend, new PrintWriter(out), new PrintWriter(err), () -> {}).runScript(script);
            assertThat(status).as("shell %s: %s", script, err).isZero();
        }
        return out.toString();
    }

    private static HostPort leader() {
        return cluster.metaLeader(WAIT);
    }

    private static List<HostPort> standbys() {
        HostPort leader = leader();
        return cluster.metas().addresses().stream()
                .filter(a -> !a.equals(leader))
                .toList();
    }

    private static String field(String json, String name) {
        Matcher m =
                Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    @Test
    @Order(1)
    void cfgA1ConfigShowsTheIniValue() throws Exception {
        HttpResponse<String> response = get(leader(), "/config?name=fd_grace_seconds");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(field(response.body(), "section")).isEqualTo("replication");
        assertThat(field(response.body(), "type")).isEqualTo("FV_INT32");
        assertThat(field(response.body(), "value")).isEqualTo("6"); // the test profile's value, not the default 22
        assertThat(get(leader(), "/config?name=fd_grace_seconds&x=1").statusCode())
                .isEqualTo(400);
        assertThat(get(leader(), "/configs").body()).contains("\"fd_lease_seconds\":{");
    }

    @Test
    @Order(2)
    void cfgA3OnlyMutableKeysChangeAndOneAtATime() throws Exception {
        HostPort replica = cluster.replica(0).address();
        assertThat(field(get(replica, "/updateConfig?fd_grace_seconds=5").body(), "update_status"))
                .startsWith("ERR_INVALID_PARAMETERS");
        assertThat(field(get(replica, "/config?name=fd_grace_seconds").body(), "value"))
                .isEqualTo("6");
        assertThat(field(get(replica, "/updateConfig?a=1&b=2").body(), "update_status"))
                .contains("exactly one");
    }

    @Test
    @Order(3)
    void cfgA4ConfigDumpByRemoteCommand() throws Exception {
        String dump = rc(leader(), "config-dump");
        assertThat(dump).contains("[meta_server]").contains("\nserver_list = ").contains("cluster_root = /enif/mini");
        Path file = dir.resolve("dump/x.ini");
        assertThat(rc(leader(), "config-dump", file.toString())).contains("\"error\":\"ok\"");
        assertThat(Files.readString(file)).contains("[meta_server]").contains("fd_grace_seconds = 6");
    }

    @Test
    @Order(4)
    void rcA1MetaCommandsExistOnlyOnTheLeader() {
        String out = shell("remote_command -t meta-server meta.lb.assign_delay_ms");
        assertThat(out).contains("Succeed count: 3").contains("Failed count: 0");
        assertThat(Pattern.compile("succeed: \\{\"error\":\"ok\",\"meta.lb.assign_delay_ms\":\"\\d+\"}")
                        .matcher(out)
                        .results()
                        .count())
                .isEqualTo(1);
        assertThat(out.split("unknown command 'meta.lb.assign_delay_ms'", -1)).hasSize(3);
        assertThat(out).contains("CALL [meta-server] [" + leader() + "] succeed: {\"error\":\"ok\"");
    }

    @Test
    @Order(5)
    void rcA2KnobsSetResetAndRefuseBadValues() throws Exception {
        HostPort leader = leader();
        String configured = field(rc(leader, "meta.lb.assign_delay_ms"), "meta.lb.assign_delay_ms");
        assertThat(rc(leader, "meta.lb.assign_delay_ms", "10")).contains("ok");
        assertThat(field(rc(leader, "meta.lb.assign_delay_ms"), "meta.lb.assign_delay_ms"))
                .isEqualTo("10");
        assertThat(rc(leader, "meta.lb.assign_delay_ms", "abc")).contains("ERR");
        assertThat(field(rc(leader, "meta.lb.assign_delay_ms"), "meta.lb.assign_delay_ms"))
                .isEqualTo("10");
        assertThat(rc(leader, "meta.lb.assign_delay_ms", "DEFAULT")).contains("ok");
        assertThat(field(rc(leader, "meta.lb.assign_delay_ms"), "meta.lb.assign_delay_ms"))
                .isEqualTo(configured);
        assertThat(rc(leader, "no.such.command")).isEqualTo("unknown command 'no.such.command'");
        assertThat(rc(cluster.replica(0).address(), "help")).contains("replica.kill_partition");
    }

    @Test
    @Order(5)
    void replicaKnobsActThroughTheirConfigKeys() throws Exception {
        HostPort replica = cluster.replica(2).address();
        assertThat(rc(replica, "useless-dir-reserve-seconds", "120")).contains("ok");
        assertThat(field(
                        get(replica, "/config?name=gc_disk_error_replica_interval_seconds")
                                .body(),
                        "value"))
                .isEqualTo("120");
        assertThat(field(
                        get(replica, "/config?name=gc_disk_garbage_replica_interval_seconds")
                                .body(),
                        "value"))
                .isEqualTo("120");
        assertThat(rc(replica, "useless-dir-reserve-seconds", "-5")).contains("ERR: ");
        assertThat(rc(replica, "useless-dir-reserve-seconds", "DEFAULT")).contains("ok");
        assertThat(field(
                        get(replica, "/config?name=gc_disk_error_replica_interval_seconds")
                                .body(),
                        "value"))
                .isEqualTo("604800");
        assertThat(rc(replica, "replica.verbose-client-log", "true")).contains("ok");
        assertThat(rc(replica, "replica.verbose-client-log", "false")).contains("ok");
        assertThat(rc(replica, "nfs.max_send_rate_megabytes_per_disk", "-1")).contains("ERR: ");
        assertThat(field(
                        get(replica, "/config?name=max_send_rate_megabytes_per_disk")
                                .body(),
                        "value"))
                .isEqualTo("500");
    }

    @Test
    @Order(6)
    void httpA1StandbysRedirectToTheLeader() throws Exception {
        HostPort leader = leader();
        for (HostPort standby : standbys()) {
            HttpResponse<String> response = get(standby, "/meta/cluster");
            assertThat(response.statusCode()).as("from %s", standby).isEqualTo(307);
            assertThat(response.headers().firstValue("Location")).contains("http://" + leader + "/meta/cluster");
        }
        assertThat(field(get(leader, "/meta/cluster").body(), "primary_meta_server"))
                .isEqualTo(leader.toString());
        assertThat(get(leader, "/meta/cluster?bogus=1").statusCode()).isEqualTo(400);
        assertThat(get(leader, "/").body())
                .contains("\"/meta/app\":\"name=<table>[&detail]")
                .contains("\"/updateConfig\":");
        assertThat(get(cluster.replica(0).address(), "/").body()).contains("\"/replica/data_version\":\"app_id=");
    }

    @Test
    @Order(7)
    void httpA2NodesAgreeWithTheShell() throws Exception {
        String body = get(leader(), "/meta/nodes?detail").body();
        String shell = shell("nodes -d");
        for (ReplicaNodeHandle replica : cluster.replicas()) {
            String address = replica.address().toString();
            String node = body.substring(body.indexOf("\"" + address + "\":{"));
            node = node.substring(0, node.indexOf('}') + 1);
            String row =
                    shell.lines().filter(l -> l.startsWith(address)).findFirst().orElseThrow();
            List<String> cells = List.of(row.trim().split("\\s+"));
            assertThat(cells.get(1)).isEqualTo(field(node, "status"));
            assertThat(cells.get(2)).isEqualTo(field(node, "replica_count"));
            assertThat(cells.get(3)).isEqualTo(field(node, "primary_count"));
            assertThat(cells.get(4)).isEqualTo(field(node, "secondary_count"));
        }
        assertThat(field(body, "alive_node_count")).isEqualTo("3");
    }

    @Test
    @Order(8)
    void httpA3TheTableIsFullyHealthy() throws Exception {
        cluster.awaitHealthy("temp", 3, WAIT);
        String body = get(leader(), "/meta/app?name=temp&detail").body();
        assertThat(Pattern.compile("\"replica_count\":\"3/3\"")
                        .matcher(body)
                        .results()
                        .count())
                .isEqualTo(8);
        assertThat(field(body, "fully_healthy_partition_count")).isEqualTo("8");
        HttpResponse<String> missing = get(leader(), "/meta/app?name=nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("table not found: \"nope\"");
        assertThat(get(leader(), "/meta/app?name=").statusCode()).isEqualTo(400);
        assertThat(get(leader(), "/meta/apps?detail").body()).contains("\"app_name\":\"temp\"");
        assertThat(get(leader(), "/meta/app_envs?name=temp").statusCode()).isEqualTo(200);
        assertThat(get(cluster.replica(0).address(), "/replica/data_version?app_id=" + temp.appId())
                        .body())
                .contains("\"data_version\":\"1\"");
    }

    @Test
    @Order(9)
    void rcA4DenyClientDropsClientRequests() throws Exception {
        TableRoutes routes = cluster.awaitHealthy("temp", 3, WAIT);
        Gpid gpid = routes.gpidOf(DENY_KEY);
        HostPort primary = routes.primary(gpid);
        assertThat(rc(primary, "replica.deny-client", "true")).contains("ok");
        try {
            assertThat(field(rc(primary, "replica.deny-client"), "replica.deny-client"))
                    .isEqualTo("true");
            Throwable denied = catchRead(primary, gpid);
            assertThat(denied).as("a read while clients are denied").isNotNull();
        } finally {
            rc(primary, "replica.deny-client", "false");
        }
        assertThat(catchRead(primary, gpid))
                .as("a read after deny-client false")
                .isNull();
    }

    private static Throwable catchRead(HostPort primary, Gpid gpid) {
        try {
            cluster.data().get(primary, gpid, DENY_KEY);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    @Order(10)
    void rcA3KillPartitionIsRebuilt() throws Exception {
        TableRoutes before = cluster.awaitHealthy("temp", 3, WAIT);
        Gpid gpid = before.gpid(0);
        HostPort victim = before.secondaries(gpid).get(0);
        long ballot = before.config(gpid).getBallot();
        assertThat(rc(victim, "replica.kill_partition", String.valueOf(temp.appId()), "0"))
                .isEqualTo("ERR_OK");
        assertThat(rc(victim, "replica.kill_partition", "99999", "0")).isEqualTo("ERR_OBJECT_NOT_FOUND");
        assertThat(rc(victim, "replica.kill_partition", "x")).startsWith("ERR_INVALID_PARAMETERS");
        TableRoutes after = cluster.awaitRoutes(
                "temp",
                "partition 0 rebuilt at a higher ballot",
                WAIT,
                routes -> routes.config(gpid).getBallot() > ballot
                        && routes.isHealthy(3)
                        && cluster.primariesServe(routes));
        assertThat(after.members(gpid)).hasSize(3);
    }

    @Test
    @Order(11)
    void cfgA2RuntimeChangesAreInMemoryOnly() throws Exception {
        ReplicaNodeHandle replica = cluster.replica(1);
        String name = "gc_disk_garbage_replica_interval_seconds";
        String original = field(get(replica.address(), "/config?name=" + name).body(), "value");
        assertThat(get(replica.address(), "/updateConfig?" + name + "=60").body())
                .isEqualTo("{\"update_status\":\"ERR_OK\"}");
        assertThat(field(get(replica.address(), "/config?name=" + name).body(), "value"))
                .isEqualTo("60");
        replica.restart();
        assertThat(field(get(replica.address(), "/config?name=" + name).body(), "value"))
                .isEqualTo(original);
    }

    @Test
    @Order(12)
    void httpA4VersionAndStartTime() throws Exception {
        List<HostPort> all = new java.util.ArrayList<>(cluster.metas().addresses());
        cluster.replicas().forEach(r -> all.add(r.address()));
        String version = field(get(all.get(0), "/version").body(), "Version");
        for (HostPort server : all) {
            assertThat(field(get(server, "/version").body(), "Version"))
                    .as("on %s", server)
                    .isEqualTo(version);
        }
        MetaNodeHandle standby = cluster.metas().metas().stream()
                .filter(m -> !m.isLeader())
                .findFirst()
                .orElseThrow();
        String before = field(get(standby.address(), "/recentStartTime").body(), "RecentStartTime");
        MiniMetaCluster.await(
                Duration.ofSeconds(5),
                () -> !java.time.LocalDateTime.now()
                        .withNano(0)
                        .toString()
                        .replace('T', ' ')
                        .equals(before));
        standby.restart();
        String after = field(get(standby.address(), "/recentStartTime").body(), "RecentStartTime");
        assertThat(after).isNotEqualTo(before);
        assertThat(field(rc(standby.address(), "server-info"), "start_time")).isEqualTo(after);
    }

    @Test
    @Order(13)
    void rcA2AndRc4AFailoverBringsTheConfiguredValueAndMovesTheMetaCommands() throws Exception {
        MetaNodeHandle old = cluster.metas().awaitLeader(WAIT);
        String configured = field(rc(old.address(), "meta.lb.assign_delay_ms"), "meta.lb.assign_delay_ms");
        assertThat(rc(old.address(), "meta.lb.assign_delay_ms", "10")).contains("ok");
        old.stop();
        MetaNodeHandle leader = cluster.metas().awaitNewLeader(old, WAIT);
        assertThat(field(rc(leader.address(), "meta.lb.assign_delay_ms"), "meta.lb.assign_delay_ms"))
                .isEqualTo(configured);
        old.restart();
        assertThat(rc(old.address(), "meta.lb.assign_delay_ms")).isEqualTo("unknown command 'meta.lb.assign_delay_ms'");
        assertThat(rc(old.address(), "help")).doesNotContain("meta.lb.assign_delay_ms");
        assertThat(rc(leader.address(), "help")).contains("meta.lb.assign_delay_ms");
    }
}
