package io.enif.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** remote_command, server_info and flush_log print Pegasus's CALL lines and counts. */
@Timeout(30)
class RemoteCommandShellTest {
    private final FakeBackend fake = new FakeBackend();
    private final Map<String, String> calls = new ConcurrentHashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Shell shell = new Shell(backend(), new PrintWriter(out), new PrintWriter(err), () -> {});

    /** The fake cluster, whose servers answer remote commands: 127.0.0.1:34802 is down. */
    private ShellBackend backend() {
        return (ShellBackend) Proxy.newProxyInstance(
                ShellBackend.class.getClassLoader(), new Class<?>[] {ShellBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("remoteCommand")) {
                        String address = (String) args[0];
                        @SuppressWarnings("unchecked")
                        List<String> words = (List<String>) args[2];
                        calls.put(address, args[1] + " " + words);
                        return address.equals("127.0.0.1:34802")
                                ? CompletableFuture.failedFuture(new IllegalStateException("ERR_TIMEOUT"))
                                : CompletableFuture.completedFuture("{\"error\":\"ok\",\"" + args[1] + "\":\"7\"}");
                    }
                    try {
                        return method.invoke(fake, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void allTargetsAreTheMetaServersAndTheAliveReplicaServers() {
        assertThat(shell.runScript("remote_command meta.lb.assign_delay_ms 10")).isZero();
        assertThat(out.toString())
                .startsWith("COMMAND: meta.lb.assign_delay_ms 10\n\n")
                .contains("CALL [meta-server] [fake:1] succeed: {\"error\":\"ok\",\"meta.lb.assign_delay_ms\":\"7\"}\n")
                .contains("CALL [replica-server] [127.0.0.1:34801] succeed: ")
                .doesNotContain("127.0.0.1:34803")
                .contains("CALL [replica-server] [127.0.0.1:34802] failed: ERR_TIMEOUT\n")
                .endsWith("\nSucceed count: 2\nFailed count: 1\n");
        assertThat(calls).containsEntry("fake:1", "meta.lb.assign_delay_ms [10]");
    }

    @Test
    void anExplicitListIsUserSpecifiedAndAFailedCallIsCounted() {
        shell.runScript("remote_command -l 127.0.0.1:34801,127.0.0.1:34802 replica.deny-client true");
        assertThat(out.toString())
                .contains("CALL [user-specified] [127.0.0.1:34801] succeed: ")
                .contains("CALL [user-specified] [127.0.0.1:34802] failed: ERR_TIMEOUT")
                .endsWith("Succeed count: 1\nFailed count: 1\n");
    }

    @Test
    void aliasesAndBadUsage() {
        shell.runScript("server_info -t meta-server; flush_log -t replica-server");
        assertThat(out.toString())
                .contains("COMMAND: server-info\n")
                .contains("CALL [meta-server] [fake:1] succeed")
                .contains("COMMAND: flush-log\n")
                .contains("CALL [replica-server] [127.0.0.1:34801] succeed");
        assertThat(shell.runScript("remote_command -t meta-server -l a:1 help")).isNotZero();
        assertThat(err.toString()).contains("-t and -l cannot be used together");
        assertThat(shell.runScript("remote_command -t nobody help")).isNotZero();
        assertThat(shell.runScript("remote_command")).isNotZero();
    }
}
