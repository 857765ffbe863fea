package io.enif.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The release-1 commands beyond the first-use session, on the fake backend: parsing and output words. */
@Timeout(30)
class ShellCommandsTest {
    private final FakeBackend backend = new FakeBackend();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Shell shell = new Shell(backend, new PrintWriter(out), new PrintWriter(err), () -> {});

    @BeforeEach
    void rows() {
        assertThat(shell.runScript("use temp; multi_set h a 1 b 2 c 3 d 4 e 5; multi_set g x 10 y 20 z 30"))
                .isZero();
        out.getBuffer().setLength(0);
    }

    private String run(String script) {
        int status = shell.runScript(script);
        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();
        return out.toString();
    }

    private String fail(String script) {
        assertThat(shell.runScript(script)).isEqualTo(Shell.FAILED);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return err.toString();
    }

    @Test
    void helpListsEveryReleaseOneCommand() {
        String text = run("help");
        for (String command : List.of(
                "help",
                "version",
                "exit",
                "cc",
                "use",
                "timeout",
                "escape_all",
                "cluster_info",
                "nodes",
                "get_meta_level",
                "set_meta_level",
                "ls",
                "app",
                "create",
                "drop",
                "recall",
                "get_app_envs",
                "set_app_envs",
                "del_app_envs",
                "clear_app_envs",
                "set",
                "get",
                "del",
                "exist",
                "ttl",
                "incr",
                "multi_set",
                "multi_get",
                "multi_get_range",
                "multi_get_sortkeys",
                "multi_del",
                "multi_del_range",
                "count",
                "check_and_set",
                "check_and_mutate",
                "hash",
                "hash_scan",
                "full_scan",
                "count_data")) {
            assertThat(text).as(command).containsPattern("(?m)^\t" + command + "( |$)");
        }
        assertThat(run("hash_scan -h")).contains("USAGE: hash_scan <hash_key> <start_sort_key>");
    }

    @Test
    void multiGetRangeEchoesParametersAndHonoursBoundsAndLimits() {
        String text = run("multi_get_range h b d -b true");
        assertThat(text).contains("hash_key: \"h\"", "start_inclusive: true", "stop_inclusive: true");
        assertThat(text)
                .contains(
                        "\"h\" : \"b\" => \"2\"",
                        "\"h\" : \"d\" => \"4\"",
                        "3 key-value pairs got, fetch" + " completed.");
        out.getBuffer().setLength(0);
        assertThat(run("multi_get_range h \"\" \"\" -n 2 -r -i"))
                .contains("\"h\" : \"d\"\n", "\"h\" : \"e\"\n", "2 key-value pairs got, fetch not completed.")
                .doesNotContain("\"h\" : \"a\"");
    }

    @Test
    void multiGetSortKeysListsKeys() {
        assertThat(run("multi_get_sortkeys g")).contains("\"x\"\n", "\"z\"\n", "3 sort keys got, fetch completed.");
    }

    @Test
    void multiDelRangeDeletesMatchingKeysOnly() {
        assertThat(run("multi_del_range h b \"\" -s postfix -y d"))
                .contains("sort_key_filter_type: postfix", "Deleted: \"d\"", "OK, 1 sort keys deleted.");
        assertThat(backend.tables.get("temp").rows).doesNotContainKey("h\0d").containsKey("h\0e");
        out.getBuffer().setLength(0);
        assertThat(run("multi_del_range h a z -i"))
                .contains("OK, 4 sort keys deleted.")
                .doesNotContain("Deleted:");
        assertThat(backend.tables.get("temp").rows).doesNotContainKey("h\0a").containsKey("g\0x");
    }

    @Test
    void multiDelRangeDeletesInBatches() {
        StringBuilder set = new StringBuilder("multi_set big");
        for (int i = 0; i < 250; i++) {
            set.append(String.format(" k%03d v", i));
        }
        run(set.toString());
        assertThat(run("multi_del_range big \"\" \"\" -i")).endsWith("OK, 250 sort keys deleted.\n");
        assertThat(backend.tables.get("temp").rows.keySet()).noneMatch(k -> k.startsWith("big\0"));
    }

    @Test
    void checkAndSetReportsSucceedOrCheckNotPassed() {
        String text = run("check_and_set h -c a -t bytes_equal -o 1 -s n -v new -r");
        assertThat(text)
                .contains("check_type: bytes_equal", "check_operand: \"1\"", "Set succeed.", "Check value:" + " \"1\"");
        assertThat(backend.tables.get("temp").rows).containsEntry("h\0n", "new");
        assertThat(run("check_and_set h -c zz -t exist -s m -v v -r"))
                .contains("Set failed, because check not passed.", "Check value not exist.");
        assertThat(fail("check_and_set h -c a -t nonsense -s m -v v")).contains("invalid check type 'nonsense'");
    }

    @Test
    void checkAndMutateReadsMutationsUntilOk() {
        String text = run("check_and_mutate h -c a -t exist; set m1 v1; set m2 v2 100; del b; ok; get h m1");
        assertThat(text)
                .contains("Load mutations", "mutation[1].value: \"v2\"", "mutation[1].expire_seconds: 100")
                .contains("mutation[2].type: DEL", "mutation[2].sort_key: \"b\"", "Mutate succeed.", "\"v1\"");
        assertThat(backend.tables.get("temp").rows)
                .containsKeys("h\0m1", "h\0m2")
                .doesNotContainKey("h\0b");
        assertThat(run("check_and_mutate h -c a -t not_exist\nset q 1\nabort"))
                .contains("INFO: abort check_and_mutate command");
        assertThat(backend.tables.get("temp").rows).doesNotContainKey("h\0q");
        assertThat(fail("check_and_mutate h -c a -t exist; bogus line; ok")).contains("invalid mutation 'bogus line'");
    }

    @Test
    void hashScanFiltersAndLimitsRows(@TempDir Path dir) throws Exception {
        assertThat(run("hash_scan h a z -s exact -y c -d"))
                .contains("sort_key_filter_type: exact", "sort_key_filter_pattern: \"c\"", "detailed: true")
                .contains("\"h\" : \"c\" => \"3\" {app_id=1, partition_index=", "1 key-value pairs got.")
                .doesNotContain("\"h\" : \"a\"");
        out.getBuffer().setLength(0);
        assertThat(run("hash_scan h \"\" \"\" -v anywhere -z 4")).contains("\"h\" : \"d\" => \"4\"", "1 key-value");
        out.getBuffer().setLength(0);
        Path file = dir.resolve("rows.txt");
        assertThat(run("hash_scan h a z -n 2 -i -o " + file)).contains("2 key-value pairs got.");
        assertThat(Files.readAllLines(file)).containsExactly("\"h\" : \"a\"", "\"h\" : \"b\"");
    }

    @Test
    void fullScanCoversEveryPartitionWithHashKeyFilter() {
        assertThat(run("full_scan -h exact -x g")).contains("\"g\" : \"x\" => \"10\"", "3 key-value pairs got.");
        out.getBuffer().setLength(0);
        assertThat(run("full_scan")).contains("8 key-value pairs got.");
        assertThat(fail("full_scan -p 99")).contains("-p partition must be in [0,8)");
    }

    @Test
    void countDataCountsRowsHashKeysAndSizes() {
        assertThat(run("count_data -d -a -n 1"))
                .contains("hash_key_count: 2", "[top_rows]", "\"g\" : \"")
                .endsWith("Count done, total 8 rows.\n");
        out.getBuffer().setLength(0);
        assertThat(run("count_data -c true -t 200000")).endsWith("Count done, total 8 rows.\n");
        out.getBuffer().setLength(0);
        assertThat(run("count_data -j -h prefix -x h").trim())
                .contains("\"row_count\":5")
                .startsWith("{");
    }

    @Test
    void appEnvsCanBeDeletedAndCleared() {
        String text = run("set_app_envs a.x 1 a.y 2 b 3; del_app_envs b nosuch; clear_app_envs -p a; get_app_envs -j");
        assertThat(text)
                .contains(
                        "del app envs succeed",
                        "deleted keys: b",
                        "clear app envs succeed",
                        "deleted keys: a.x,a.y",
                        "{}");
        assertThat(fail("clear_app_envs")).contains("give either -a (all) or -p prefix");
    }

    @Test
    void binaryKeysAreEscapedBothWays() {
        String text = run("set \"\\x00k\" \"s\\n\" \"\\xff\\x01v\\\"\"; get \"\\x00k\" \"s\\n\"");
        assertThat(text).contains("\"\\xFF\\x01v\\\"\"");
        assertThat(backend.tables.get("temp").rows).containsEntry("\0k\0s\n", "\u00ff\u0001v\"");
        out.getBuffer().setLength(0);
        assertThat(run("escape_all true; get g x")).contains("Current escape_all: true", "\"\\x31\\x30\"");
    }

    @Test
    void jsonOnDataCommandsCarriesTheTrailer() {
        assertThat(run("get -j h a").trim())
                .startsWith("{\"hash_key\":\"h\",\"sort_key\":\"a\",\"found\":true,\"value\":\"1\",\"app_id\":1,")
                .contains("\"partition_index\":");
        out.getBuffer().setLength(0);
        assertThat(run("multi_get g -j").trim()).contains("\"count\":3", "\"fetch_completed\":true");
        out.getBuffer().setLength(0);
        assertThat(run("ttl h nosuch -j")).contains("\"found\":false");
    }

    @Test
    void metaLevelAsJson() {
        assertThat(run("get_meta_level -j")).isEqualTo("{\"meta_level\":\"fl_steady\"}\n");
    }

    @Test
    void hashPrintsTheKeyHashAndItsPartition() {
        assertThat(run("hash h a")).contains("key_hash", "app_name", "temp", "partition_index", "primary");
    }

    @Test
    void ccSwitchesToOtherMetaServers() {
        assertThat(run("cc 10.0.0.1:34601,10.0.0.2:34601"))
                .contains("Current cluster meta_server_list: 10.0.0.1:34601,10.0.0.2:34601");
        assertThat(backend.closed).isTrue();
        assertThat(fail("get h a")).contains("no table selected");
        assertThat(fail("cc nonsense")).contains("is not host:port");
    }

    @Test
    void listingsWriteToAFileWithDashO(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ls.txt");
        assertThat(run("ls -o " + file)).doesNotContain("list apps succeed");
        assertThat(Files.readString(file)).contains("temp", "list apps succeed");
    }

    @Test
    void badFlagsOnNewCommandsAreUsageErrors() {
        assertThat(fail("hash_scan h a; multi_get_range h a b -q; count_data -p x"))
                .contains("USAGE: hash_scan", "multi_get_range: unknown option -q", "-p must be an integer");
    }
}
