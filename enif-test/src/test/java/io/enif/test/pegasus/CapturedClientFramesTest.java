package io.enif.test.pegasus;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.base.blob;
import io.enif.proto.frame.RequestFrame;
import io.enif.proto.frame.RequestFrameDecoder;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.ResponseFrameDecoder;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rpc.RpcBody;
import io.enif.proto.rpc.RpcCatalog;
import io.enif.proto.rpc.RpcSpec;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.cas_check_type;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.mutate_operation;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.update_request;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.thrift.TBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official Pegasus Java client's captured request frames decode with Enif's frame decoder and IDL into what the
 * client was asked to do (the calls are in {@code FixtureDriver} of docs/pegasus-client-compatibility.md), and it
 * routes keys exactly as Enif does; every captured reply (which the client accepted) decodes too.
 */
@Timeout(30)
class CapturedClientFramesTest {
    private static final byte[] HASH_KEY = b("capture");
    private static final byte[] CLEAR_HASH_KEY = b("capture-clear");
    private static List<CapturedExchange> exchanges;

    @BeforeAll
    static void load() throws Exception {
        exchanges = CapturedExchange.load();
    }

    static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String s(blob value) {
        return new String(value.data(), StandardCharsets.UTF_8);
    }

    static RequestFrame request(String label) throws Exception {
        return RequestFrameDecoder.decode(
                CapturedExchange.find(exchanges, label).requestBuffer());
    }

    @SuppressWarnings("unchecked")
    static <T extends TBase<?, ?>> T args(String label) throws Exception {
        RequestFrame frame = request(label);
        RpcSpec spec = RpcCatalog.byName(frame.name()).orElseThrow();
        return frame.readArgs((T) spec.request().newStruct());
    }

    @Test
    void everyCapturedExchangeDecodesAndItsReplyMatchesTheRequest() throws Exception {
        assertThat(exchanges).hasSizeGreaterThanOrEqualTo(19);
        for (CapturedExchange exchange : exchanges) {
            RequestFrame request = RequestFrameDecoder.decode(exchange.requestBuffer());
            assertThat(request.name()).isEqualTo(exchange.name());
            assertThat(request.meta().headerVersion())
                    .as("the Java client sends header v1")
                    .isEqualTo(1);
            assertThat(request.isOneway()).isFalse();
            RpcSpec spec = RpcCatalog.byName(request.name()).orElseThrow();
            if (spec.request().kind() == RpcBody.Kind.STRUCT) {
                assertThat(request.readArgs(spec.request().newStruct())).isNotNull();
            }

            ResponseFrame reply = ResponseFrameDecoder.decode(exchange.replyBuffer());
            assertThat(reply.name()).isEqualTo(spec.ackName());
            assertThat(reply.seqid()).isEqualTo(request.seqid());
            assertThat(reply.errorName()).isEqualTo("ERR_OK");
            if (spec.response().kind() == RpcBody.Kind.STRUCT) {
                assertThat(reply.readResult(spec.response().newStruct())).isNotNull();
            }
        }
    }

    @Test
    void dataRequestsRouteByEnifsPartitionHash() throws Exception {
        for (CapturedExchange exchange : exchanges) {
            if (!exchange.name().startsWith("RPC_RRDB_")) {
                continue;
            }
            RequestFrame request = RequestFrameDecoder.decode(exchange.requestBuffer());
            byte[] hashKey = exchange.label().endsWith("@clear") ? CLEAR_HASH_KEY : HASH_KEY;
            long hash = KeyCodec.partitionHash(KeyCodec.encode(hashKey, new byte[0]));
            assertThat(request.meta().partitionHash()).as(exchange.label()).isEqualTo(hash);
            assertThat(request.meta().partitionIndex())
                    .as("%s: temp has 8 partitions", exchange.label())
                    .isEqualTo(KeyCodec.partitionIndex(hash, 8));
            assertThat(request.meta().clientTimeoutMs()).isEqualTo(5000);
            assertThat(request.meta().backupRequest()).isFalse();
        }
    }

    @Test
    void singleKeyRequests() throws Exception {
        update_request put = args("RPC_RRDB_RRDB_PUT");
        assertThat(put.getKey().data()).isEqualTo(KeyCodec.encode(HASH_KEY, b("s1")));
        assertThat(s(put.getValue())).isEqualTo("v1");
        assertThat(put.getExpire_ts_seconds()).isZero();

        for (String label : List.of("RPC_RRDB_RRDB_GET", "RPC_RRDB_RRDB_TTL", "RPC_RRDB_RRDB_REMOVE")) {
            blob key = request(label).readArgs(new blob());
            assertThat(key.data()).as(label).isEqualTo(KeyCodec.encode(HASH_KEY, b("s1")));
        }
        assertThat(request("RPC_RRDB_RRDB_SORTKEY_COUNT").readArgs(new blob()).data())
                .isEqualTo(HASH_KEY);

        incr_request incr = args("RPC_RRDB_RRDB_INCR");
        assertThat(incr.getKey().data()).isEqualTo(KeyCodec.encode(HASH_KEY, b("n")));
        assertThat(incr.getIncrement()).isEqualTo(7);
        assertThat(incr.getExpire_ts_seconds()).isZero();
    }

    @Test
    void hashKeyRequests() throws Exception {
        multi_put_request multiPut = args("RPC_RRDB_RRDB_MULTI_PUT");
        assertThat(multiPut.getHash_key().data()).isEqualTo(HASH_KEY);
        assertThat(multiPut.getKvs()).extracting(kv -> s(kv.getKey())).containsExactly("m1", "m2", "m3");
        assertThat(multiPut.getKvs()).extracting(kv -> s(kv.getValue())).containsExactly("a", "b", "c");

        multi_get_request multiGet = args("RPC_RRDB_RRDB_MULTI_GET");
        assertThat(multiGet.getHash_key().data()).isEqualTo(HASH_KEY);
        assertThat(multiGet.getSort_keys())
                .extracting(CapturedClientFramesTest::s)
                .containsExactly("m1", "m3");
        assertThat(multiGet.isNo_value()).isFalse();

        multi_remove_request multiRemove = args("RPC_RRDB_RRDB_MULTI_REMOVE");
        assertThat(multiRemove.getSort_keys())
                .extracting(CapturedClientFramesTest::s)
                .containsExactly("m1");

        batch_get_request batchGet = args("RPC_RRDB_RRDB_BATCH_GET");
        assertThat(batchGet.getKeys()).extracting(k -> s(k.getSort_key())).containsExactly("m3", "x");
        assertThat(batchGet.getKeys())
                .allSatisfy(k -> assertThat(k.getHash_key().data()).isEqualTo(HASH_KEY));

        get_scanner_request scanner = args("RPC_RRDB_RRDB_GET_SCANNER");
        assertThat(scanner.getBatch_size()).isEqualTo(2);
        assertThat(scanner.getStart_key().data()).isEqualTo(KeyCodec.encode(HASH_KEY, new byte[0]));
        assertThat(scanner.isStart_inclusive()).isTrue();
        assertThat(scanner.isStop_inclusive()).isFalse();
        assertThat(scanner.isSetValidate_partition_hash())
                .as("the client assigns validate_partition_hash without its isset bit: never on the wire")
                .isFalse();
        assertThat(scanner.isSetFull_scan()).isFalse();
    }

    @Test
    void conditionalRequests() throws Exception {
        check_and_set_request cas = args("RPC_RRDB_RRDB_CHECK_AND_SET");
        assertThat(s(cas.getCheck_sort_key())).isEqualTo("n");
        assertThat(cas.getCheck_type()).isEqualTo(cas_check_type.CT_VALUE_INT_EQUAL);
        assertThat(s(cas.getCheck_operand())).isEqualTo("7");
        assertThat(cas.isSet_diff_sort_key()).isTrue();
        assertThat(s(cas.getSet_sort_key())).isEqualTo("c");
        assertThat(s(cas.getSet_value())).isEqualTo("ok");
        assertThat(cas.isReturn_check_value()).isTrue();

        check_and_mutate_request cam = args("RPC_RRDB_RRDB_CHECK_AND_MUTATE");
        assertThat(cam.getCheck_type()).isEqualTo(cas_check_type.CT_VALUE_BYTES_EQUAL);
        assertThat(cam.getMutate_list())
                .extracting(m -> m.getOperation())
                .containsExactly(mutate_operation.MO_PUT, mutate_operation.MO_DELETE);
        assertThat(cam.getMutate_list()).extracting(m -> s(m.getSort_key())).containsExactly("x", "m2");
    }

    @Test
    void aScannerClosedEarlySendsClearScannerAsACallWithItsContextId() throws Exception {
        ResponseFrame opened =
                ResponseFrameDecoder.decode(CapturedExchange.find(exchanges, "RPC_RRDB_RRDB_GET_SCANNER@clear")
                        .replyBuffer());
        long context = opened.readResult(new scan_response()).getContext_id();
        assertThat(context).as("the scanner had more to give").isNotNegative();

        RequestFrame clear = request("RPC_RRDB_RRDB_CLEAR_SCANNER@clear");
        assertThat(clear.isOneway())
                .as("the Java client sends clear_scanner as a CALL")
                .isFalse();
        assertThat(clear.readI64Arg()).isEqualTo(context);
        assertThat(clear.meta().clientTimeoutMs())
                .as("operate(op, 0) falls back to the client's operation_timeout")
                .isEqualTo(5000);
    }

    @Test
    void metaRequests() throws Exception {
        RequestFrame openTable = request("RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX@temp");
        assertThat(openTable.meta().appId()).isEqualTo(-1);
        assertThat(openTable.meta().partitionIndex())
                .as("the Java client's gpid(-1,-1) quirk")
                .isEqualTo(-2);
        query_cfg_request query = openTable.readArgs(new query_cfg_request());
        assertThat(query.getApp_name()).isEqualTo("temp");
        assertThat(query.getPartition_indices()).isEmpty();

        configuration_create_app_request create = args("RPC_CM_CREATE_APP@leader");
        assertThat(create.getApp_name()).isEqualTo("capture_t");
        assertThat(create.getOptions().getPartition_count()).isEqualTo(2);
        assertThat(create.getOptions().getReplica_count()).isEqualTo(3);
        assertThat(create.getOptions().getApp_type()).isEqualTo("pegasus");
        assertThat(create.getOptions().isIs_stateful()).isTrue();

        configuration_list_apps_request list = args("RPC_CM_LIST_APPS");
        assertThat(list.getStatus().name()).isEqualTo("AS_AVAILABLE");

        configuration_drop_app_request drop = args("RPC_CM_DROP_APP");
        assertThat(drop.getApp_name()).isEqualTo("capture_t");
        assertThat(drop.getOptions().getReserve_seconds()).isEqualTo(60);
    }

    @Test
    void aStandbyMetaServerForwardedTheCreateToTheLeader() throws Exception {
        ResponseFrame reply = ResponseFrameDecoder.decode(
                CapturedExchange.find(exchanges, "RPC_CM_CREATE_APP@standby").replyBuffer());
        configuration_create_app_response response = reply.readResult(new configuration_create_app_response());
        assertThat(response.getErr().name()).isEqualTo("ERR_FORWARD_TO_OTHERS");
    }
}
