package io.enif.proto.rpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every RPC that Enif knows by name, gathered from the family classes, with lookups by message name. A request name
 * that is not here gets ERR_HANDLER_NOT_FOUND from a server.
 */
public final class RpcCatalog {
    private static final Map<String, RpcSpec> BY_NAME = index();

    private RpcCatalog() {}

    private static Map<String, RpcSpec> index() {
        Map<String, RpcSpec> byName = new LinkedHashMap<>();
        Stream.of(
                        ClientRpcs.all(),
                        CommonRpcs.all(),
                        MetaRpcs.all(),
                        ReplicaAdminRpcs.all(),
                        ReplicationRpcs.all(),
                        BackupRpcs.all(),
                        BulkLoadRpcs.all(),
                        DuplicationRpcs.all(),
                        SplitRpcs.all())
                .flatMap(List::stream)
                .forEach(spec -> {
                    if (byName.putIfAbsent(spec.name(), spec) != null) {
                        throw new IllegalStateException("two catalogue entries named " + spec.name());
                    }
                });
        return Collections.unmodifiableMap(byName);
    }

    /** Every RPC, family by family. */
    public static List<RpcSpec> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The RPC whose request is named {@code name}, if any. */
    public static Optional<RpcSpec> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The RPC whose reply is named {@code ackName} ({@code <request>_ACK}), if any. */
    public static Optional<RpcSpec> byAckName(String ackName) {
        if (!ackName.endsWith(RpcSpec.ACK_SUFFIX)) {
            return Optional.empty();
        }
        return byName(ackName.substring(0, ackName.length() - RpcSpec.ACK_SUFFIX.length()));
    }

    /** The RPCs that a process of kind {@code process} ({@code META} or {@code REPLICA}) serves. */
    public static List<RpcSpec> servedBy(RpcServer process) {
        List<RpcSpec> served = new ArrayList<>();
        for (RpcSpec spec : BY_NAME.values()) {
            if (spec.servedBy().includes(process)) {
                served.add(spec);
            }
        }
        return List.copyOf(served);
    }
}
