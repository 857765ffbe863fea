package io.enif.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ShellTest {
    private final FakeBackend backend = new FakeBackend();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int pauses;
    private final Shell shell = new Shell(backend, new PrintWriter(out), new PrintWriter(err), () -> pauses++);

    @Test
    void dataSessionPrintsPegasusWords() {
        int status = shell.runScript("use temp; set a b c; get a b; exist a b; ttl a b; incr a n; incr a n 5;"
                + " multi_set a x 1 y 2; multi_get a; del a b; get a b; exist a b; count a");
        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();
        String text = out.toString();
        assertThat(text).contains("OK\n", "\"c\"\n", "True\n", "Infinite\n", "1\n", "6\n", "Not found\n", "False\n");
        assertThat(text).contains("\"a\" : \"x\" => \"1\"", "4 key-value pairs got, fetch completed.");
        assertThat(text).contains("app_id          : 1", "partition_index : ", "server          : 127.0.0.1:348");
    }

    @Test
    void pipedLinesRunUntilExitWithoutPrompt() throws Exception {
        String input = "use temp\nset k s v\nexit\nget k s\n";
        int status = shell.runLines(new BufferedReader(new StringReader(input)), false);
        assertThat(status).isZero();
        assertThat(out.toString()).doesNotContain(Shell.PROMPT).doesNotContain("\"v\"");
        assertThat(backend.tables.get("temp").rows).containsKey("k\0s");
    }

    @Test
    void interactiveModePrintsThePrompt() throws Exception {
        shell.runLines(new BufferedReader(new StringReader("version\n")), true);
        assertThat(out.toString()).startsWith(Shell.PROMPT).contains("Enif Shell");
    }

    @Test
    void lsDetailedCountsHealth() {
        assertThat(shell.runScript("ls -d")).isZero();
        assertThat(out.toString())
                .contains("[general_info]", "app_id", "status", "app_name", "AS_AVAILABLE", "temp")
                .contains("[healthy_info]", "fully_healthy", "write_unhealthy", "read_unhealthy")
                .contains("fully_healthy_app_count   : 1", "list apps succeed");
    }

    @Test
    void jsonOutputIsOneDocument() {
        shell.runScript("ls -j");
        assertThat(out.toString().trim())
                .startsWith("{\"general_info\":[{\"app_id\":1,\"status\":\"AS_AVAILABLE\",\"app_name\":\"temp\"");
    }

    @Test
    void appDetailedListsPartitionsAndNodes() {
        assertThat(shell.runScript("app temp -d")).isZero();
        assertThat(out.toString())
                .contains("pidx", "ballot", "replica_count", "3/3", "[replicas]", "[nodes]")
                .contains("fully_healthy_partition_count   : 8", "list app temp succeed");
    }

    @Test
    void nodesDetailedCountsReplicasAndAliveness() {
        assertThat(shell.runScript("nodes -d")).isZero();
        assertThat(out.toString())
                .contains("ALIVE", "UNALIVE", "primary_count", "secondary_count")
                .contains("total_node_count   : 3", "alive_node_count   : 2", "list nodes succeed");
    }

    @Test
    void createWaitsForHealthyPartitionsWithProgress() {
        assertThat(shell.runScript("create t2 -p 4 -r 3")).isZero();
        assertThat(out.toString())
                .contains("create app \"t2\" succeed, waiting for app ready")
                .contains("t2 not ready yet, still waiting... (0/4)")
                .contains("t2 is ready now!");
        assertThat(pauses).isEqualTo(1);
    }

    @Test
    void dropAndRecall() {
        assertThat(shell.runScript("use temp; drop temp; ls; recall 1; ls")).isZero();
        assertThat(out.toString()).contains("drop app temp succeed", "recall app 1 succeed");
        assertThat(backend.tables.get("temp").status).isEqualTo("AS_AVAILABLE");
    }

    @Test
    void clusterInfoAndMetaLevel() {
        assertThat(shell.runScript("cluster_info; set_meta_level lively; get_meta_level"))
                .isZero();
        assertThat(out.toString())
                .contains("primary_meta_server : 127.0.0.1:34601")
                .contains("the old level is fl_steady", "current meta level is fl_lively");
    }

    @Test
    void appEnvs() {
        assertThat(shell.runScript("use temp; set_app_envs default_ttl 86400; get_app_envs"))
                .isZero();
        assertThat(out.toString()).contains("set app envs succeed", "[app_envs]", "default_ttl : 86400");
    }

    @Test
    void badInputGivesOneErrorLineAndFailureStatus() {
        int status = shell.runScript("frobnicate; get a b; use nosuch; ls -z; create x -p 3; set a b");
        assertThat(status).isEqualTo(Shell.FAILED);
        assertThat(err.toString())
                .contains("ERROR: unknown command 'frobnicate'")
                .contains("no table selected")
                .contains("app nosuch not found")
                .contains("ls: unknown option -z")
                .contains("power of two")
                .contains("USAGE: set")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void unreachableClusterNamesTheMetaServers() {
        backend.unreachable = true;
        assertThat(shell.runScript("ls")).isEqualTo(Shell.FAILED);
        assertThat(err.toString()).contains("ERROR: ls failed", "fake:1");
    }

    @Test
    void multiSetRejectsDuplicateSortKeys() {
        assertThat(shell.runScript("use temp; multi_set h s 1 s 2")).isEqualTo(Shell.FAILED);
        assertThat(err.toString()).contains("duplicate sort key s");
    }
}
