package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;

import io.enif.proto.duplication.duplicate_request;
import io.enif.proto.duplication.duplicate_response;
import io.enif.proto.duplication.duplication_add_request;
import io.enif.proto.duplication.duplication_add_response;
import io.enif.proto.duplication.duplication_list_request;
import io.enif.proto.duplication.duplication_list_response;
import io.enif.proto.duplication.duplication_modify_request;
import io.enif.proto.duplication.duplication_modify_response;
import io.enif.proto.duplication.duplication_query_request;
import io.enif.proto.duplication.duplication_query_response;
import io.enif.proto.duplication.duplication_sync_request;
import io.enif.proto.duplication.duplication_sync_response;
import io.enif.proto.replication.learn_request;
import io.enif.proto.replication.learn_response;
import java.util.List;

/**
 * Cross-cluster duplication: the admin RPCs of the meta server and the RPCs between servers. The last two cross
 * cluster boundaries, so a Pegasus peer may send them.
 */
public final class DuplicationRpcs {
    private static final RpcServer M = RpcServer.META;
    private static final RpcServer R = RpcServer.REPLICA;

    public static final RpcSpec RPC_CM_ADD_DUPLICATION =
            call("RPC_CM_ADD_DUPLICATION", M, duplication_add_request::new, duplication_add_response::new);
    public static final RpcSpec RPC_CM_MODIFY_DUPLICATION =
            call("RPC_CM_MODIFY_DUPLICATION", M, duplication_modify_request::new, duplication_modify_response::new);
    public static final RpcSpec RPC_CM_QUERY_DUPLICATION =
            call("RPC_CM_QUERY_DUPLICATION", M, duplication_query_request::new, duplication_query_response::new);
    public static final RpcSpec RPC_CM_LIST_DUPLICATION =
            call("RPC_CM_LIST_DUPLICATION", M, duplication_list_request::new, duplication_list_response::new);

    // ---- between servers ----

    /** Replica server -> meta server, periodically: confirmed decrees up, duplication states down. */
    public static final RpcSpec RPC_CM_DUPLICATION_SYNC =
            call("RPC_CM_DUPLICATION_SYNC", M, duplication_sync_request::new, duplication_sync_response::new);
    /** Master cluster -> follower cluster: shipped writes, applied as a storage write. */
    public static final RpcSpec RPC_RRDB_RRDB_DUPLICATE =
            call("RPC_RRDB_RRDB_DUPLICATE", R, duplicate_request::new, duplicate_response::new);
    /** Follower replica -> master primary: the files of the master's last checkpoint. */
    public static final RpcSpec RPC_QUERY_LAST_CHECKPOINT_INFO =
            call("RPC_QUERY_LAST_CHECKPOINT_INFO", R, learn_request::new, learn_response::new);

    private static final List<RpcSpec> ALL = List.of(
            RPC_CM_ADD_DUPLICATION,
            RPC_CM_MODIFY_DUPLICATION,
            RPC_CM_QUERY_DUPLICATION,
            RPC_CM_LIST_DUPLICATION,
            RPC_CM_DUPLICATION_SYNC,
            RPC_RRDB_RRDB_DUPLICATE,
            RPC_QUERY_LAST_CHECKPOINT_INFO);

    private DuplicationRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
