package io.enif.test.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.ClientConfig;
import io.enif.client.EnifAdmin;
import io.enif.client.EnifClient;
import io.enif.shell.ClusterBackend;
import io.enif.shell.Shell;
import io.enif.test.minicluster.MetaNodeHandle;
import io.enif.test.minicluster.MiniCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a real cluster (one meta server, three replica servers): every release-1 command group end to end —
 * create with progress, listings, envs, the data commands including ranges, scans, counts and conditional writes,
 * JSON output, and the errors a user meets (unknown table, value too large, unreachable cluster).
 */
@Timeout(180)
class ShellMiniClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static MiniCluster cluster;
    private static String metas;

    @BeforeAll
    static void start() throws Exception {
        cluster = MiniCluster.builder(dir).metaServers(1).replicaServers(3).start();
        cluster.awaitReplicaServersAlive(WAIT);
        metas = cluster.metas().metas().stream()
                .map(MetaNodeHandle::address)
                .map(Object::toString)
                .collect(Collectors.joining(","));
        Result created = run("create shell_it -p 4 -r 3");
        assertThat(created.status).as(created.err).isZero();
        assertThat(created.out).contains("create app \"shell_it\" succeed", "shell_it is ready now!");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private record Result(int status, String out, String err) {}

    private static Result run(String script) {
        return run(metas, script);
    }

    private static Result run(String metaServers, String script) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Runnable pause = () -> CompletableFuture.runAsync(
                        () -> {}, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                .join();
        try (ClusterBackend backend = ClusterBackend.connect(metaServers, 5000)) {
            int status = new Shell(backend, new PrintWriter(out), new PrintWriter(err), pause).runScript(script);
            return new Result(status, out.toString(), err.toString());
        }
    }

    private static String ok(String script) {
        Result r = run(script);
        assertThat(r.err).isEmpty();
        assertThat(r.status).isZero();
        return r.out;
    }

    @Test
    void listingsAndClusterCommands() {
        String text = ok("ls -d; app shell_it -d; nodes -d; cluster_info; get_meta_level; nodes -j");
        assertThat(text)
                .contains("list apps succeed", "fully_healthy", "shell_it")
                .contains("list app shell_it succeed", "fully_healthy_partition_count   : 4")
                .contains("ALIVE", "alive_node_count   : 3", "list nodes succeed")
                .contains("primary_meta_server", "current meta level is fl_")
                .contains("{\"details\":[{\"address\":");
    }

    @Test
    void appEnvsSetDeleteAndClear() {
        String text = ok("use shell_it; set_app_envs manual_compact.once.trigger_time 1 default_ttl 0;"
                + " get_app_envs; del_app_envs default_ttl; clear_app_envs -p manual_compact; get_app_envs -j");
        assertThat(text)
                .contains("set app envs succeed", "manual_compact.once.trigger_time : 1")
                .contains("del app envs succeed", "deleted keys: default_ttl")
                .contains("clear app envs succeed", "deleted keys: manual_compact.once.trigger_time")
                .endsWith("{}\n");
    }

    @Test
    void rangesScansAndCounts() {
        String text = ok("use shell_it; multi_set r a 1 b 2 c 3 d 4; multi_set q x 10 y 20;"
                + " multi_get_range r b d -b true; multi_get_sortkeys q; hash_scan r a z -s prefix -y c;"
                + " full_scan -h exact -x q -i; count_data -d; hash r a");
        assertThat(text)
                .contains("\"r\" : \"b\" => \"2\"", "\"r\" : \"d\" => \"4\"", "3 key-value pairs got, fetch completed.")
                .contains("\"x\"\n", "2 sort keys got")
                .contains("\"r\" : \"c\" => \"3\"", "1 key-value pairs got.")
                .contains("\"q\" : \"y\"\n", "2 key-value pairs got.")
                .containsPattern("Count done, total \\d+ rows.\n")
                .contains("key_hash", "partition_index", "primary");
        String deleted = ok("use shell_it; multi_del_range r a c -b true -i; multi_get r");
        assertThat(deleted).contains("OK, 3 sort keys deleted", "\"r\" : \"d\" => \"4\"", "1 key-value pairs got");
    }

    @Test
    void conditionalWritesAndJson() {
        String text = ok("use shell_it; set c k v; check_and_set c -c k -t bytes_equal -o v -s k2 -v w -r;"
                + " check_and_set c -c k -t not_exist -s k3 -v w;"
                + " check_and_mutate c -c k2 -t exist; set m 1; del k; ok; get c m -j; exist c k -j");
        assertThat(text)
                .contains("Set succeed.", "Check value: \"v\"", "Set failed, because check not passed.")
                .contains("Mutate succeed.")
                .contains("\"found\":true,\"value\":\"1\"", "\"exist\":false");
        assertThat(ok("use shell_it; set \"\\x00\\xff\" s \"\\x01\"; get \"\\x00\\xff\" s"))
                .contains("\"\\x01\"");
    }

    @Test
    void badInputGetsClearErrors() {
        Result unknown = run("use nosuch_table");
        assertThat(unknown.status).isEqualTo(Shell.FAILED);
        assertThat(unknown.err).contains("app nosuch_table not found");
        Result tooLarge = run("use shell_it; set big k " + "x".repeat(500 * 1024));
        assertThat(tooLarge.status).isEqualTo(Shell.FAILED);
        assertThat(tooLarge.err).contains("ERROR: set failed").doesNotContain("\tat ");
        Result dropMissing = run("drop nosuch_table");
        assertThat(dropMissing.status).isEqualTo(Shell.FAILED);
        assertThat(dropMissing.err).contains("app nosuch_table not found");
        Result unreachable = run("127.0.0.1:1", "ls");
        assertThat(unreachable.status).isEqualTo(Shell.FAILED);
        assertThat(unreachable.err).contains("ERROR: ls failed", "127.0.0.1:1");
    }

    @Test
    void adminApiOnTheClient() {
        Properties p = new Properties();
        p.setProperty("meta_servers", metas);
        try (EnifClient client = EnifClient.create(ClientConfig.fromProperties(p))) {
            EnifAdmin admin = client.admin();
            assertThat(admin.listNodes()).hasSize(3).allMatch(EnifAdmin.NodeInfo::alive);
            assertThat(admin.clusterInfo()).containsKey("meta_servers");
            EnifAdmin.TableConfig config = admin.queryConfig("shell_it");
            assertThat(config.partitionCount()).isEqualTo(4);
            assertThat(config.partitions())
                    .allMatch(pc -> pc.primary() != null && pc.secondaries().size() == 2);
            admin.setAppEnvs("shell_it", Map.of("default_ttl", "86400"));
            assertThat(admin.getAppEnvs("shell_it")).containsEntry("default_ttl", "86400");
            assertThat(admin.delAppEnvs("shell_it", List.of("default_ttl"))).contains("default_ttl");
            assertThat(admin.metaLevel()).startsWith("fl_");
        }
    }
}
