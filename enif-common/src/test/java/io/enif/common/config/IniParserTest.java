package io.enif.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class IniParserTest {

    @Test
    void readsSectionsKeysAndCommentsTheWayRdsnDoes() {
        IniFile ini = IniParser.parse("t.ini", """
                ; a comment
                # another
                [replication]
                  mutation_2pc_min_replica_count = 2   ; keep 2
                disk_stat_interval_seconds=10# tight
                data_dirs =
                bare_key
                [ meta_server ]
                server_list = 1.2.3.4:34601,1.2.3.5:34601
                """);
        assertThat(ini.sections()).extracting(IniFile.Section::name).containsExactly("replication", "meta_server");
        assertThat(ini.section("replication").orElseThrow().values())
                .containsExactly(
                        Map.entry("mutation_2pc_min_replica_count", "2"),
                        Map.entry("disk_stat_interval_seconds", "10"),
                        Map.entry("data_dirs", ""),
                        Map.entry("bare_key", ""));
        assertThat(ini.section("replication").orElseThrow().line()).isEqualTo(3);
        assertThat(ini.section("replication")
                        .orElseThrow()
                        .entries()
                        .get("data_dirs")
                        .line())
                .isEqualTo(6);
        assertThat(ini.section("meta_server").orElseThrow().values())
                .containsEntry("server_list", "1.2.3.4:34601,1.2.3.5:34601");
        assertThat(ini.warnings()).isEmpty();
    }

    @Test
    void caretEscapesCommentCharacters() {
        IniFile ini = IniParser.parse("t.ini", "[s]\nk = a^;b^#c ; comment\n");
        assertThat(ini.section("s").orElseThrow().values()).containsEntry("k", "a;b#c");
        assertThat(IniParser.escape("a;b#c")).isEqualTo("a^;b^#c");
        assertThat(IniParser.stripComment(IniParser.escape("x;y#z"))).isEqualTo("x;y#z");
    }

    @Test
    void valuesKeepEqualsSignsAfterTheFirst() {
        IniFile ini = IniParser.parse("t.ini", "[s]\nargs = a=1,b=2\r\n");
        assertThat(ini.section("s").orElseThrow().values()).containsEntry("args", "a=1,b=2");
    }

    @Test
    void aKeyDefinedTwiceKeepsItsFirstValueWithAWarning() {
        IniFile ini = IniParser.parse("t.ini", "[s]\nk = 1\nk = 2\n");
        assertThat(ini.section("s").orElseThrow().values()).containsEntry("k", "1");
        assertThat(ini.warnings())
                .containsExactly("t.ini:3: [s] k is defined again; the first definition (line 2) wins");
    }

    @Test
    void syntaxErrorsAreCollectedWithTheirLines() {
        assertThatThrownBy(() -> IniParser.parse("bad.ini", "k = 1\n[s]\n= 3\n[t\n[s]\n"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "bad.ini:1: 'k = 1' is outside any [section]",
                                "bad.ini:3: missing key name in '= 3'",
                                "bad.ini:4: malformed section header '[t'",
                                "bad.ini:5: section [s] is defined twice"));
    }

    @Test
    void readsFilesAndReportsUnreadableOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("enif.ini");
        Files.writeString(file, "[zookeeper]\nhosts_list = zk1:2181\n");
        IniFile ini = IniParser.parse(file);
        assertThat(ini.source()).isEqualTo(file.toString());
        assertThat(ini.section("zookeeper").orElseThrow().values()).containsEntry("hosts_list", "zk1:2181");
        assertThatThrownBy(() -> IniParser.parse(dir.resolve("missing.ini")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read config file")
                .hasMessageContaining("missing.ini");
    }
}
