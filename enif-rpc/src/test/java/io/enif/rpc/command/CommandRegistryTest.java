package io.enif.rpc.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CommandRegistryTest {
    private final AtomicLong delay = new AtomicLong(300_000);
    private final CommandRegistry registry = new CommandRegistry()
            .register(KnobCommand.ofLong(
                    "meta.lb.assign_delay_ms",
                    "the dropout delay",
                    0,
                    Long.MAX_VALUE,
                    delay::get,
                    delay::set,
                    () -> 300_000L));

    @Test
    void anUnknownCommandIsAnsweredWithPegasusWords() {
        assertThat(registry.execute("no.such", List.of("1"))).isEqualTo("unknown command 'no.such'");
    }

    @Test
    void helpListsEveryCommandAndShowsOnesUsage() {
        String all = registry.execute("help", List.of());
        assertThat(all)
                .contains("help|h|H|Help [command]: ")
                .contains("meta.lb.assign_delay_ms [0.. | DEFAULT]: the dropout delay");
        assertThat(registry.execute("h", List.of("meta.lb.assign_delay_ms")))
                .startsWith("usage: meta.lb.assign_delay_ms [0.. | DEFAULT]");
        assertThat(registry.execute("Help", List.of("nope"))).isEqualTo("unknown command 'nope'");
    }

    @Test
    void aKnobReadsSetsResetsAndRefusesBadValuesWithoutChange() {
        assertThat(registry.execute("meta.lb.assign_delay_ms", List.of()))
                .isEqualTo("{\"error\":\"ok\",\"meta.lb.assign_delay_ms\":\"300000\"}");
        assertThat(registry.execute("meta.lb.assign_delay_ms", List.of("10"))).isEqualTo("{\"error\":\"ok\"}");
        assertThat(delay.get()).isEqualTo(10);
        assertThat(registry.execute("meta.lb.assign_delay_ms", List.of("abc")))
                .startsWith("{\"error\":\"ERR: invalid argument 'abc'");
        assertThat(registry.execute("meta.lb.assign_delay_ms", List.of("-1"))).contains("ERR: ");
        assertThat(registry.execute("meta.lb.assign_delay_ms", List.of("1", "2")))
                .contains("ERR: ");
        assertThat(delay.get()).isEqualTo(10);
        assertThat(registry.execute("meta.lb.assign_delay_ms", List.of("default")))
                .contains("ok");
        assertThat(delay.get()).isEqualTo(300_000);
    }

    @Test
    void commandsComeAndGoWithTheirAliases() {
        registry.register(new RemoteCommand("x.y", List.of("xy"), "", "test", args -> "done"));
        assertThat(registry.execute("xy", List.of())).isEqualTo("done");
        assertThatThrownBy(() -> registry.register(RemoteCommand.of("xy", "", "clash", args -> "")))
                .isInstanceOf(IllegalArgumentException.class);
        registry.unregister("x.y");
        assertThat(registry.execute("xy", List.of())).isEqualTo("unknown command 'xy'");
        assertThat(registry.find("x.y")).isEmpty();
    }

    @Test
    void aFailingCommandAnswersAnErrorInsteadOfFailingTheCall() {
        registry.register(RemoteCommand.of("boom", "", "fails", args -> {
            throw new IllegalStateException("kaput");
        }));
        assertThat(registry.execute("boom", List.of())).isEqualTo("{\"error\":\"ERR: boom failed: kaput\"}");
    }
}
