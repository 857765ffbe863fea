package io.enif.test.pegasus;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_drop_app_response;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.frame.RequestFrame;
import io.enif.proto.frame.RequestFrameDecoder;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.ResponseFrameDecoder;
import io.enif.proto.layer2.app_info;
import io.enif.proto.rpc.RpcBody;
import io.enif.proto.rpc.RpcCatalog;
import io.enif.proto.rpc.RpcSpec;
import io.enif.proto.rrdb.scan_response;
import io.enif.test.minicluster.MetaNodeHandle;
import io.enif.test.minicluster.MiniCluster;
import io.enif.test.minicluster.TableRoutes;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the official Pegasus Java client's captured request frames, byte for byte, against a fresh mini-cluster
 * (two meta servers, three replica servers, {@code temp} of 8 partitions × 3 like the onebox), in the order the client
 * sent them, and checks that Enif answers each as it answered the client: the same RPC name and seqid, and the same
 * response once the fields that name a server, a decree or a scan context are set aside. The one change to the
 * client's bytes is the scan context id in the {@code scan} and {@code clear_scanner} frames, which must be the one
 * this cluster handed out.
 */
@Timeout(180)
class CapturedClientReplayTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int TIMEOUT_MS = 10_000;

    @TempDir
    static Path dir;

    private static MiniCluster cluster;
    private static TableRoutes temp;
    private static int createdAppId;

    @BeforeAll
    static void start() throws Exception {
        cluster = MiniCluster.builder(dir).metaServers(2).replicaServers(3).start();
        temp = cluster.createTable("temp", 8, 3, WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void enifAnswersTheClientsCapturedFramesAsItDidOnTheOnebox() throws Exception {
        assertThat(temp.appId()).as("the captured frames address temp as app 1").isEqualTo(1);
        List<CapturedExchange> exchanges = CapturedExchange.load();
        Map<HostPort, RawThftConnection> connections = new HashMap<>();
        long capturedContext = -1;
        long replayedContext = -1;
        try {
            for (CapturedExchange exchange : exchanges) {
                RequestFrame request = RequestFrameDecoder.decode(exchange.requestBuffer());
                RpcSpec spec = RpcCatalog.byName(request.name()).orElseThrow();
                byte[] frame = exchange.request();
                if (exchange.name().equals("RPC_RRDB_RRDB_SCAN")
                        || exchange.name().equals("RPC_RRDB_RRDB_CLEAR_SCANNER")) {
                    frame = replaceContextId(frame, capturedContext, replayedContext);
                }
                HostPort target = target(exchange, request);
                RawThftConnection connection = connections.get(target);
                if (connection == null) {
                    connection = new RawThftConnection(target, TIMEOUT_MS);
                    connections.put(target, connection);
                }
                ResponseFrame replayed = ResponseFrameDecoder.decode(connection.call(frame));
                ResponseFrame captured = ResponseFrameDecoder.decode(exchange.replyBuffer());
                assertThat(replayed.errorName()).as(exchange.label()).isEqualTo("ERR_OK");
                assertThat(replayed.name()).as(exchange.label()).isEqualTo(spec.ackName());
                assertThat(replayed.seqid()).as(exchange.label()).isEqualTo(request.seqid());
                if (spec.response().kind() != RpcBody.Kind.STRUCT) {
                    // clear_scanner: Pegasus never answers it; Enif answers a CALL with an empty ERR_OK, which the
                    // client accepts and ignores.
                    assertThat(replayed.result().remaining())
                            .as(exchange.label())
                            .isZero();
                    continue;
                }
                TBase<?, ?> got = replayed.readResult(spec.response().newStruct());
                TBase<?, ?> expected = captured.readResult(spec.response().newStruct());
                if (exchange.name().equals("RPC_RRDB_RRDB_GET_SCANNER")) {
                    capturedContext = ((scan_response) expected).getContext_id();
                    replayedContext = ((scan_response) got).getContext_id();
                }
                checkSame(exchange, got, expected);
            }
        } finally {
            for (RawThftConnection connection : connections.values()) {
                connection.close();
            }
        }
    }

    /** Data requests go to their partition's primary, meta requests to the leader (or the standby, when tagged). */
    private static HostPort target(CapturedExchange exchange, RequestFrame request) {
        if (exchange.name().startsWith("RPC_RRDB_")) {
            Gpid gpid = request.meta().gpid();
            return temp.primary(gpid);
        }
        MetaNodeHandle leader = cluster.metas().awaitLeader(WAIT);
        if (exchange.label().endsWith("@standby")) {
            return cluster.metas().metas().stream()
                    .filter(m -> m != leader)
                    .findFirst()
                    .orElseThrow()
                    .address();
        }
        return leader.address();
    }

    private static void checkSame(CapturedExchange exchange, TBase<?, ?> got, TBase<?, ?> expected) throws Exception {
        switch (exchange.name()) {
            case "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX" -> {
                query_cfg_response g = (query_cfg_response) got;
                query_cfg_response e = (query_cfg_response) expected;
                assertThat(g.getErr().name())
                        .as(exchange.label())
                        .isEqualTo(e.getErr().name());
                // The onebox had created other tables before capture_t; here it is the second table.
                int appId = exchange.label().endsWith("@temp") ? e.getApp_id() : createdAppId;
                assertThat(g.getApp_id()).as(exchange.label()).isEqualTo(appId);
                assertThat(g.getPartition_count()).as(exchange.label()).isEqualTo(e.getPartition_count());
                assertThat(g.getPartitions()).hasSize(e.getPartitionsSize());
            }
            case "RPC_CM_CREATE_APP" -> {
                configuration_create_app_response g = (configuration_create_app_response) got;
                configuration_create_app_response e = (configuration_create_app_response) expected;
                assertThat(g.getErr().name())
                        .as(exchange.label())
                        .isEqualTo(e.getErr().name());
                if (exchange.label().endsWith("@leader")) {
                    assertThat(g.getAppid()).as(exchange.label()).isEqualTo(temp.appId() + 1);
                    createdAppId = g.getAppid();
                }
            }
            case "RPC_CM_LIST_APPS" -> {
                configuration_list_apps_response g = (configuration_list_apps_response) got;
                configuration_list_apps_response e = (configuration_list_apps_response) expected;
                assertThat(g.getErr().name()).isEqualTo(e.getErr().name());
                // The onebox held more tables than this cluster; both list temp and the table just created.
                var mine = List.of(
                        org.assertj.core.groups.Tuple.tuple("temp", 8, 3),
                        org.assertj.core.groups.Tuple.tuple("capture_t", 2, 3));
                assertThat(g.getInfos())
                        .extracting(app_info::getApp_name, app_info::getPartition_count, app_info::getMax_replica_count)
                        .containsExactlyInAnyOrderElementsOf(mine);
                assertThat(e.getInfos())
                        .extracting(app_info::getApp_name, app_info::getPartition_count, app_info::getMax_replica_count)
                        .containsAll(mine);
                assertThat(g.getInfos())
                        .allSatisfy(i -> assertThat(i.getStatus().name()).isEqualTo("AS_AVAILABLE"));
            }
            case "RPC_CM_DROP_APP" ->
                assertThat(((configuration_drop_app_response) got).getErr().name())
                        .isEqualTo(((configuration_drop_app_response) expected)
                                .getErr()
                                .name());
            default -> assertThat(normalized(got)).as(exchange.label()).isEqualTo(normalized(expected));
        }
    }

    /** The response without the fields that differ between clusters: the server's name, decrees, scan contexts. */
    private static TBase<?, ?> normalized(TBase<?, ?> response) throws Exception {
        TBase<?, ?> copy = response.deepCopy();
        for (Method method : copy.getClass().getMethods()) {
            switch (method.getName()) {
                case "setServer" -> method.invoke(copy, "");
                case "setDecree" -> method.invoke(copy, 0L);
                case "setContext_id" -> {
                    long context = ((scan_response) copy).getContext_id();
                    method.invoke(copy, context >= 0 ? 1L : context);
                }
                default -> {}
            }
        }
        return copy;
    }

    /** The client's scan or clear_scanner frame with the captured context id (an i64 in the args) replaced. */
    private static byte[] replaceContextId(byte[] frame, long captured, long replayed) {
        byte[] from = ByteBuffer.allocate(8).putLong(captured).array();
        byte[] to = ByteBuffer.allocate(8).putLong(replayed).array();
        int found = -1;
        for (int i = 0; i + 8 <= frame.length; i++) {
            if (ByteBuffer.wrap(frame, i, 8).equals(ByteBuffer.wrap(from))) {
                assertThat(found)
                        .as("the context id occurs once in the scan frame")
                        .isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found)
                .as("the captured context id %s in the scan frame", captured)
                .isNotNegative();
        byte[] copy = frame.clone();
        System.arraycopy(to, 0, copy, found, 8);
        return copy;
    }
}
