package io.enif.replica.server;

import io.enif.common.Gpid;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.PartitionStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs a remote command on chosen replicas of this server and words the reply as Pegasus's replica server does
 * ({@code replica_stub::exec_command_on_replica}), for {@code replica.trigger-checkpoint} and {@code
 * replica.query-compact}.
 *
 * <p>The arguments name replicas by {@code app_id} (every replica of the table) or {@code app_id.partition_index},
 * comma-separated, in one or several arguments; none names every replica. Only primaries and secondaries run the
 * command. The reply is {@code "<n> processed, <m> not found"} followed by one line {@code "    <gpid>@<node>@P : <result>"}
 * per replica ({@code S} for a secondary); a replica named by {@code app_id.partition_index} that is not here, or
 * neither primary nor secondary, gets a line {@code "    <gpid>@<node> : not found"}. An argument that is not an id
 * answers {@code invalid arguments} and runs nothing.
 */
final class ReplicaTargets {
    /** The reply to ids that do not parse, as Pegasus words it. */
    static final String INVALID = "invalid arguments";

    private ReplicaTargets() {}

    /**
     * The ids named in {@code args}: {@code app_id} entries have partition index -1. Empty when an argument is not a
     * list of ids.
     */
    static Optional<Set<Gpid>> parse(List<String> args) {
        Set<Gpid> ids = new LinkedHashSet<>();
        for (String arg : args) {
            String[] parts = arg.split(",");
            if (parts.length == 0) {
                return Optional.empty();
            }
            for (String part : parts) {
                String id = part.trim();
                if (id.isEmpty()) {
                    continue;
                }
                try {
                    int dot = id.indexOf('.');
                    if (dot < 0) {
                        ids.add(new Gpid(Integer.parseInt(id), -1));
                    } else {
                        int app = Integer.parseInt(id.substring(0, dot));
                        int pidx = Integer.parseInt(id.substring(dot + 1));
                        if (pidx < 0) {
                            return Optional.empty();
                        }
                        ids.add(new Gpid(app, pidx));
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(ids);
    }

    /** Runs {@code command} on the replicas {@code args} names among {@code runners} and words the reply. */
    static String run(
            List<String> args, String node, List<PartitionRunner> runners, Function<PartitionRunner, String> command) {
        Optional<Set<Gpid>> parsed = parse(args);
        if (parsed.isEmpty()) {
            return INVALID;
        }
        Set<Gpid> ids = parsed.get();
        List<PartitionRunner> chosen = new ArrayList<>();
        for (PartitionRunner runner : runners) {
            Gpid gpid = runner.gpid();
            if (ids.isEmpty() || ids.contains(gpid) || ids.contains(new Gpid(gpid.appId(), -1))) {
                chosen.add(runner);
            }
        }
        Map<Gpid, String> lines = new TreeMap<>();
        for (PartitionRunner runner : chosen) {
            PartitionStatus status = runner.snapshot().status();
            if (status == PartitionStatus.PRIMARY || status == PartitionStatus.SECONDARY) {
                String role = status == PartitionStatus.PRIMARY ? "P" : "S";
                lines.put(runner.gpid(), node + "@" + role + " : " + command.apply(runner));
            }
        }
        int processed = lines.size();
        int notFound = 0;
        for (Gpid id : ids) {
            if (id.partitionIndex() >= 0 && !lines.containsKey(id)) {
                lines.put(id, node + " : not found");
                notFound++;
            }
        }
        StringBuilder reply = new StringBuilder();
        reply.append(processed).append(" processed, ").append(notFound).append(" not found");
        lines.forEach((gpid, line) -> reply.append("\n    ")
                .append(gpid.appId())
                .append('.')
                .append(gpid.partitionIndex())
                .append('@')
                .append(line));
        return reply.toString();
    }
}
