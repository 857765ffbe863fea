package io.enif.shell;

import io.enif.shell.ShellBackend.NodeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code remote_command [-t all|meta-server|replica-server] [-l ip:port,...] <command> [args...]} and its aliases
 * {@code server_info} ({@code server-info}) and {@code flush_log} ({@code flush-log}), with Pegasus's output
 * ({@code spec/ops-cluster.md} §4.2):
 *
 * <pre>
 * COMMAND: meta.lb.assign_delay_ms
 *
 * CALL [meta-server] [127.0.0.1:34601] succeed: {"error":"ok","meta.lb.assign_delay_ms":"300000"}
 * CALL [meta-server] [127.0.0.1:34602] succeed: unknown command 'meta.lb.assign_delay_ms'
 *
 * Succeed count: 2
 * Failed count: 0
 * </pre>
 *
 * "succeed" means the server ran the command (or said it does not know it); "failed" means the RPC failed. The
 * targets are the configured meta servers ({@code -t meta-server}), the replica servers the meta server knows as
 * alive ({@code -t replica-server}), both (the default) or the {@code -l} list.
 */
final class RemoteCommands {
    private RemoteCommands() {}

    static void register(Map<String, Shell.Command> commands) {
        commands.put("remote_command", (s, w) -> remoteCommand(s, "remote_command", w, null));
        commands.put("server_info", (s, w) -> remoteCommand(s, "server_info", w, "server-info"));
        commands.put("flush_log", (s, w) -> remoteCommand(s, "flush_log", w, "flush-log"));
    }

    private static void remoteCommand(Session s, String name, List<String> words, String fixedCommand) {
        String type = null;
        String list = null;
        int i = 0;
        while (i < words.size() && words.get(i).startsWith("-")) {
            String option = words.get(i);
            if (option.equals("-r")) {
                i++;
                continue;
            }
            if (!option.equals("-t") && !option.equals("-l")) {
                break;
            }
            if (i + 1 >= words.size()) {
                throw new UsageException(name + ": " + option + " needs a value");
            }
            if (option.equals("-t")) {
                type = words.get(i + 1);
            } else {
                list = words.get(i + 1);
            }
            i += 2;
        }
        if (type != null && list != null) {
            throw new UsageException(name + ": -t and -l cannot be used together");
        }
        if (type != null && !List.of("all", "meta-server", "replica-server").contains(type)) {
            throw new UsageException(name + ": -t must be all, meta-server or replica-server, got '" + type + "'");
        }
        List<String> rest = words.subList(i, words.size());
        String command;
        List<String> args;
        if (fixedCommand != null) {
            if (!rest.isEmpty()) {
                throw new UsageException("USAGE: " + name + " [-t all|meta-server|replica-server] [-l ip:port,...]");
            }
            command = fixedCommand;
            args = List.of();
        } else {
            if (rest.isEmpty()) {
                throw new UsageException(
                        "USAGE: remote_command [-t all|meta-server|replica-server] [-l ip:port,...] <command> [args...]");
            }
            command = rest.get(0);
            args = List.copyOf(rest.subList(1, rest.size()));
        }
        Map<String, String> targets = targets(s, type == null ? "all" : type, list);
        s.out.println("COMMAND: " + command + (args.isEmpty() ? "" : " " + String.join(" ", args)));
        s.out.println();
        Map<String, CompletableFuture<String>> calls = new LinkedHashMap<>();
        targets.keySet().forEach(address -> calls.put(address, s.backend.remoteCommand(address, command, args)));
        int succeed = 0;
        int failed = 0;
        for (Map.Entry<String, CompletableFuture<String>> call : calls.entrySet()) {
            String prefix = "CALL [" + targets.get(call.getKey()) + "] [" + call.getKey() + "] ";
            try {
                String reply = call.getValue().get(s.timeoutMillis + 1000L, TimeUnit.MILLISECONDS);
                s.out.println(prefix + "succeed: " + reply.stripTrailing());
                succeed++;
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                s.out.println(prefix + "failed: " + cause.getMessage());
                failed++;
            } catch (TimeoutException e) {
                s.out.println(prefix + "failed: ERR_TIMEOUT");
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UsageException(name + " interrupted");
            }
        }
        s.out.println();
        s.out.println("Succeed count: " + succeed);
        s.out.println("Failed count: " + failed);
    }

    /** The target addresses in order, each with its role word. */
    private static Map<String, String> targets(Session s, String type, String list) {
        Map<String, String> targets = new LinkedHashMap<>();
        if (list != null) {
            for (String address : list.split(",")) {
                if (!address.isBlank()) {
                    targets.put(address.trim(), "user-specified");
                }
            }
            if (targets.isEmpty()) {
                throw new UsageException("remote_command: -l needs at least one ip:port");
            }
            return targets;
        }
        if (type.equals("all") || type.equals("meta-server")) {
            for (String address : s.backend.metaServers().split(",")) {
                if (!address.isBlank()) {
                    targets.put(address.trim(), "meta-server");
                }
            }
        }
        if (type.equals("all") || type.equals("replica-server")) {
            List<NodeInfo> nodes = new ArrayList<>(s.backend.listNodes());
            nodes.sort((x, y) -> x.address().compareTo(y.address()));
            nodes.stream().filter(NodeInfo::alive).forEach(n -> targets.put(n.address(), "replica-server"));
        }
        return targets;
    }
}
