package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.check_and_set_response;
import io.enif.proto.rrdb.count_response;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.multi_remove_response;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.ttl_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import java.util.List;

/**
 * The data operations a replica server serves to clients (spec/protocol.md §6). "blob key" requests carry a {@code
 * blob} (the encoded key or hash key) as the args field.
 */
public final class ClientRpcs {
    private static final RpcServer R = RpcServer.REPLICA;

    public static final RpcSpec RPC_RRDB_RRDB_PUT =
            call("RPC_RRDB_RRDB_PUT", R, update_request::new, update_response::new);
    public static final RpcSpec RPC_RRDB_RRDB_MULTI_PUT =
            call("RPC_RRDB_RRDB_MULTI_PUT", R, multi_put_request::new, update_response::new);
    /** Request: the encoded key as a blob. */
    public static final RpcSpec RPC_RRDB_RRDB_REMOVE = call("RPC_RRDB_RRDB_REMOVE", R, blob::new, update_response::new);

    public static final RpcSpec RPC_RRDB_RRDB_MULTI_REMOVE =
            call("RPC_RRDB_RRDB_MULTI_REMOVE", R, multi_remove_request::new, multi_remove_response::new);
    public static final RpcSpec RPC_RRDB_RRDB_INCR =
            call("RPC_RRDB_RRDB_INCR", R, incr_request::new, incr_response::new);
    public static final RpcSpec RPC_RRDB_RRDB_CHECK_AND_SET =
            call("RPC_RRDB_RRDB_CHECK_AND_SET", R, check_and_set_request::new, check_and_set_response::new);
    public static final RpcSpec RPC_RRDB_RRDB_CHECK_AND_MUTATE =
            call("RPC_RRDB_RRDB_CHECK_AND_MUTATE", R, check_and_mutate_request::new, check_and_mutate_response::new);
    /** Request: the encoded key as a blob. */
    public static final RpcSpec RPC_RRDB_RRDB_GET = call("RPC_RRDB_RRDB_GET", R, blob::new, read_response::new);

    public static final RpcSpec RPC_RRDB_RRDB_MULTI_GET =
            call("RPC_RRDB_RRDB_MULTI_GET", R, multi_get_request::new, multi_get_response::new);
    public static final RpcSpec RPC_RRDB_RRDB_BATCH_GET =
            call("RPC_RRDB_RRDB_BATCH_GET", R, batch_get_request::new, batch_get_response::new);
    /** Request: the hash key as a blob. */
    public static final RpcSpec RPC_RRDB_RRDB_SORTKEY_COUNT =
            call("RPC_RRDB_RRDB_SORTKEY_COUNT", R, blob::new, count_response::new);
    /** Request: the encoded key as a blob. */
    public static final RpcSpec RPC_RRDB_RRDB_TTL = call("RPC_RRDB_RRDB_TTL", R, blob::new, ttl_response::new);

    public static final RpcSpec RPC_RRDB_RRDB_GET_SCANNER =
            call("RPC_RRDB_RRDB_GET_SCANNER", R, get_scanner_request::new, scan_response::new);
    public static final RpcSpec RPC_RRDB_RRDB_SCAN =
            call("RPC_RRDB_RRDB_SCAN", R, scan_request::new, scan_response::new);
    /**
     * Request: the scanner's context id as a bare i64. One-way in Pegasus; a server may still answer ERR_OK with no
     * body, which spares the client a timeout (spec/protocol.md §6).
     */
    public static final RpcSpec RPC_RRDB_RRDB_CLEAR_SCANNER =
            new RpcSpec("RPC_RRDB_RRDB_CLEAR_SCANNER", RpcBody.I64, RpcBody.NONE, true, R);

    private static final List<RpcSpec> ALL = List.of(
            RPC_RRDB_RRDB_PUT,
            RPC_RRDB_RRDB_MULTI_PUT,
            RPC_RRDB_RRDB_REMOVE,
            RPC_RRDB_RRDB_MULTI_REMOVE,
            RPC_RRDB_RRDB_INCR,
            RPC_RRDB_RRDB_CHECK_AND_SET,
            RPC_RRDB_RRDB_CHECK_AND_MUTATE,
            RPC_RRDB_RRDB_GET,
            RPC_RRDB_RRDB_MULTI_GET,
            RPC_RRDB_RRDB_BATCH_GET,
            RPC_RRDB_RRDB_SORTKEY_COUNT,
            RPC_RRDB_RRDB_TTL,
            RPC_RRDB_RRDB_GET_SCANNER,
            RPC_RRDB_RRDB_SCAN,
            RPC_RRDB_RRDB_CLEAR_SCANNER);

    private ClientRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
