package io.enif.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.config.IniFile;
import io.enif.common.config.IniParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class IniBuilderTest {

    @Test
    void rendersSectionsInOrderAndReplacesValuesInPlace() {
        String text = new IniBuilder()
                .header("top")
                .set("b", "x", "1", "about x")
                .set("a", "y", "2")
                .set("b", "z", "3")
                .assign("b.x = 9")
                .assign("pegasus.server.k=v")
                .render();
        assertThat(text).isEqualTo("""
                ; top

                [b]
                ; about x
                x = 9
                z = 3

                [a]
                y = 2

                [pegasus.server]
                k = v
                """);
    }

    @Test
    void valuesReadBackUnchanged() {
        String text = new IniBuilder()
                .set("s", "semicolon", "a;b#c")
                .set("s", "empty", "")
                .render();
        assertThat(text).contains("empty =\n");
        IniFile ini = IniParser.parse("t", text);
        assertThat(ini.section("s").orElseThrow().values())
                .containsEntry("semicolon", "a;b#c")
                .containsEntry("empty", "");
    }

    @Test
    void longCommentsAreWrapped() {
        String words = "word ".repeat(60).strip();
        String text = new IniBuilder().section("s", words).render();
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(118));
        assertThat(text.lines().filter(l -> l.startsWith(";")).count()).isGreaterThan(2);
    }

    @Test
    void malformedAssignmentsAreRefused() {
        assertThatThrownBy(() -> new IniBuilder().assign("novalue")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IniBuilder().assign("nosection=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IniBuilder().assign("s.=1")).isInstanceOf(IllegalArgumentException.class);
    }
}
