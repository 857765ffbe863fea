package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;

import io.enif.proto.radmin.add_new_disk_request;
import io.enif.proto.radmin.add_new_disk_response;
import io.enif.proto.radmin.detect_hotkey_request;
import io.enif.proto.radmin.detect_hotkey_response;
import io.enif.proto.radmin.query_disk_info_request;
import io.enif.proto.radmin.query_disk_info_response;
import io.enif.proto.radmin.replica_disk_migrate_request;
import io.enif.proto.radmin.replica_disk_migrate_response;
import java.util.List;

/**
 * Admin RPCs that a replica server serves to the admin tools (spec/internal-rpc.md §4). Tools send them with gpid
 * (0, 0) in the frame header.
 */
public final class ReplicaAdminRpcs {
    private static final RpcServer R = RpcServer.REPLICA;

    public static final RpcSpec RPC_QUERY_DISK_INFO =
            call("RPC_QUERY_DISK_INFO", R, query_disk_info_request::new, query_disk_info_response::new);
    public static final RpcSpec RPC_REPLICA_DISK_MIGRATE =
            call("RPC_REPLICA_DISK_MIGRATE", R, replica_disk_migrate_request::new, replica_disk_migrate_response::new);
    public static final RpcSpec RPC_ADD_NEW_DISK =
            call("RPC_ADD_NEW_DISK", R, add_new_disk_request::new, add_new_disk_response::new);
    public static final RpcSpec RPC_DETECT_HOTKEY =
            call("RPC_DETECT_HOTKEY", R, detect_hotkey_request::new, detect_hotkey_response::new);

    private static final List<RpcSpec> ALL =
            List.of(RPC_QUERY_DISK_INFO, RPC_REPLICA_DISK_MIGRATE, RPC_ADD_NEW_DISK, RPC_DETECT_HOTKEY);

    private ReplicaAdminRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
