package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;

import io.enif.proto.split.control_split_request;
import io.enif.proto.split.control_split_response;
import io.enif.proto.split.notify_cacth_up_response;
import io.enif.proto.split.notify_catch_up_request;
import io.enif.proto.split.notify_stop_split_request;
import io.enif.proto.split.notify_stop_split_response;
import io.enif.proto.split.query_child_state_request;
import io.enif.proto.split.query_child_state_response;
import io.enif.proto.split.query_split_request;
import io.enif.proto.split.query_split_response;
import io.enif.proto.split.register_child_request;
import io.enif.proto.split.register_child_response;
import io.enif.proto.split.start_partition_split_request;
import io.enif.proto.split.start_partition_split_response;
import io.enif.proto.split.update_child_group_partition_count_request;
import io.enif.proto.split.update_child_group_partition_count_response;
import java.util.List;

/** Partition split: the admin RPCs of the meta server and the RPCs between servers. */
public final class SplitRpcs {
    private static final RpcServer M = RpcServer.META;
    private static final RpcServer R = RpcServer.REPLICA;

    public static final RpcSpec RPC_CM_START_PARTITION_SPLIT = call(
            "RPC_CM_START_PARTITION_SPLIT", M, start_partition_split_request::new, start_partition_split_response::new);
    public static final RpcSpec RPC_CM_CONTROL_PARTITION_SPLIT =
            call("RPC_CM_CONTROL_PARTITION_SPLIT", M, control_split_request::new, control_split_response::new);
    public static final RpcSpec RPC_CM_QUERY_PARTITION_SPLIT =
            call("RPC_CM_QUERY_PARTITION_SPLIT", M, query_split_request::new, query_split_response::new);

    // ---- between servers ----

    /** Child primary -> parent primary. */
    public static final RpcSpec RPC_SPLIT_NOTIFY_CATCH_UP =
            call("RPC_SPLIT_NOTIFY_CATCH_UP", R, notify_catch_up_request::new, notify_cacth_up_response::new);
    /** Parent primary -> child replicas. */
    public static final RpcSpec RPC_SPLIT_UPDATE_CHILD_PARTITION_COUNT = call(
            "RPC_SPLIT_UPDATE_CHILD_PARTITION_COUNT",
            R,
            update_child_group_partition_count_request::new,
            update_child_group_partition_count_response::new);
    /** Parent primary -> meta server. */
    public static final RpcSpec RPC_CM_REGISTER_CHILD_REPLICA =
            call("RPC_CM_REGISTER_CHILD_REPLICA", M, register_child_request::new, register_child_response::new);
    /** Primary -> meta server. */
    public static final RpcSpec RPC_CM_NOTIFY_STOP_SPLIT =
            call("RPC_CM_NOTIFY_STOP_SPLIT", M, notify_stop_split_request::new, notify_stop_split_response::new);
    /** Primary -> meta server. */
    public static final RpcSpec RPC_CM_QUERY_CHILD_STATE =
            call("RPC_CM_QUERY_CHILD_STATE", M, query_child_state_request::new, query_child_state_response::new);

    private static final List<RpcSpec> ALL = List.of(
            RPC_CM_START_PARTITION_SPLIT,
            RPC_CM_CONTROL_PARTITION_SPLIT,
            RPC_CM_QUERY_PARTITION_SPLIT,
            RPC_SPLIT_NOTIFY_CATCH_UP,
            RPC_SPLIT_UPDATE_CHILD_PARTITION_COUNT,
            RPC_CM_REGISTER_CHILD_REPLICA,
            RPC_CM_NOTIFY_STOP_SPLIT,
            RPC_CM_QUERY_CHILD_STATE);

    private SplitRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
