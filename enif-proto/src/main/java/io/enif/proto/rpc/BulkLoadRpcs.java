package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;

import io.enif.proto.bulkload.bulk_load_request;
import io.enif.proto.bulkload.bulk_load_response;
import io.enif.proto.bulkload.clear_bulk_load_state_request;
import io.enif.proto.bulkload.clear_bulk_load_state_response;
import io.enif.proto.bulkload.control_bulk_load_request;
import io.enif.proto.bulkload.control_bulk_load_response;
import io.enif.proto.bulkload.group_bulk_load_request;
import io.enif.proto.bulkload.group_bulk_load_response;
import io.enif.proto.bulkload.ingestion_request;
import io.enif.proto.bulkload.ingestion_response;
import io.enif.proto.bulkload.query_bulk_load_request;
import io.enif.proto.bulkload.query_bulk_load_response;
import io.enif.proto.bulkload.start_bulk_load_request;
import io.enif.proto.bulkload.start_bulk_load_response;
import java.util.List;

/** Bulk load: the admin RPCs of the meta server and the RPCs between servers. */
public final class BulkLoadRpcs {
    private static final RpcServer M = RpcServer.META;
    private static final RpcServer R = RpcServer.REPLICA;

    public static final RpcSpec RPC_CM_START_BULK_LOAD =
            call("RPC_CM_START_BULK_LOAD", M, start_bulk_load_request::new, start_bulk_load_response::new);
    public static final RpcSpec RPC_CM_CONTROL_BULK_LOAD =
            call("RPC_CM_CONTROL_BULK_LOAD", M, control_bulk_load_request::new, control_bulk_load_response::new);
    public static final RpcSpec RPC_CM_QUERY_BULK_LOAD_STATUS =
            call("RPC_CM_QUERY_BULK_LOAD_STATUS", M, query_bulk_load_request::new, query_bulk_load_response::new);
    public static final RpcSpec RPC_CM_CLEAR_BULK_LOAD =
            call("RPC_CM_CLEAR_BULK_LOAD", M, clear_bulk_load_state_request::new, clear_bulk_load_state_response::new);

    // ---- between servers ----

    /** Meta server -> primary, periodically. */
    public static final RpcSpec RPC_BULK_LOAD =
            call("RPC_BULK_LOAD", R, bulk_load_request::new, bulk_load_response::new);
    /** Primary -> secondaries. */
    public static final RpcSpec RPC_GROUP_BULK_LOAD =
            call("RPC_GROUP_BULK_LOAD", R, group_bulk_load_request::new, group_bulk_load_response::new);
    /** Meta server -> primary: the ingestion itself, replicated like a write. */
    public static final RpcSpec RPC_RRDB_RRDB_BULK_LOAD =
            call("RPC_RRDB_RRDB_BULK_LOAD", R, ingestion_request::new, ingestion_response::new);

    private static final List<RpcSpec> ALL = List.of(
            RPC_CM_START_BULK_LOAD,
            RPC_CM_CONTROL_BULK_LOAD,
            RPC_CM_QUERY_BULK_LOAD_STATUS,
            RPC_CM_CLEAR_BULK_LOAD,
            RPC_BULK_LOAD,
            RPC_GROUP_BULK_LOAD,
            RPC_RRDB_RRDB_BULK_LOAD);

    private BulkLoadRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
