package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.cas_check_type;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.check_and_set_response;
import io.enif.proto.rrdb.count_response;
import io.enif.proto.rrdb.full_key;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.multi_remove_response;
import io.enif.proto.rrdb.mutate;
import io.enif.proto.rrdb.mutate_operation;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.ttl_response;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.MiniReplicaCluster;
import io.enif.replication.PartitionConfiguration;
import io.enif.rpc.RpcRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.thrift.TBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every client operation over the wire through the replica server (spec/protocol.md §11–§12): the seven writes are
 * replicated (and decoded again on each secondary, which must end up with the same data), the reads and scanners are
 * served by the primary.
 */
@Timeout(120)
class ClientOpsTest {
    private static final Gpid GPID = new Gpid(1, 0);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private static blob b(String text) {
        return blob.of(text);
    }

    private static <T extends TBase<?, ?>> T call(
            MiniReplicaCluster cluster, HostPort to, String name, TBase<?, ?> request, Supplier<T> result)
            throws Exception {
        return cluster.client()
                .call(to, new RpcRequest(name, GPID, 0, false, ArgsField.struct(request), TIMEOUT), result)
                .get(10, TimeUnit.SECONDS);
    }

    private static multi_get_request wholeHashKey(String hashKey) {
        return new multi_get_request()
                .setHash_key(b(hashKey))
                .setSort_keys(new ArrayList<>())
                .setStart_sortkey(new blob())
                .setStop_sortkey(new blob())
                .setStart_inclusive(true);
    }

    private static List<String> pairs(List<key_value> kvs) {
        return kvs.stream()
                .map(kv -> new String(kv.getKey().data(), StandardCharsets.UTF_8) + "="
                        + new String(kv.getValue().data(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void everyOperationWorksAndTheSecondariesHoldTheSameData() throws Exception {
        try (MiniReplicaCluster cluster = MiniReplicaCluster.start(tmp, 3, 1, 1, 3, c -> c)) {
            PartitionConfiguration pc = cluster.awaitGroup(GPID, 2);
            HostPort p = pc.primary();

            List<key_value> kvs = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                kvs.add(new key_value().setKey(b("s" + i)).setValue(b("v" + i)));
            }
            update_response put = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_MULTI_PUT.name(),
                    new multi_put_request().setHash_key(b("h")).setKvs(kvs),
                    update_response::new);
            assertThat(put.getError()).isZero();

            incr_response incr = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_INCR.name(),
                    new incr_request()
                            .setKey(new blob(MiniReplicaCluster.key("n")))
                            .setIncrement(5),
                    incr_response::new);
            assertThat(incr.getNew_value()).isEqualTo(5);
            incr = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_INCR.name(),
                    new incr_request()
                            .setKey(new blob(MiniReplicaCluster.key("n")))
                            .setIncrement(3),
                    incr_response::new);
            assertThat(incr.getNew_value()).isEqualTo(8);

            check_and_set_response cas = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_SET.name(),
                    new check_and_set_request()
                            .setHash_key(b("h"))
                            .setCheck_sort_key(b("s1"))
                            .setCheck_type(cas_check_type.CT_VALUE_EXIST)
                            .setCheck_operand(new blob())
                            .setSet_diff_sort_key(true)
                            .setSet_sort_key(b("s6"))
                            .setSet_value(b("v6")),
                    check_and_set_response::new);
            assertThat(cas.getError()).isZero();

            check_and_mutate_response cam = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_MUTATE.name(),
                    new check_and_mutate_request()
                            .setHash_key(b("h"))
                            .setCheck_sort_key(b("s9"))
                            .setCheck_type(cas_check_type.CT_VALUE_NOT_EXIST)
                            .setCheck_operand(new blob())
                            .setMutate_list(List.of(
                                    new mutate()
                                            .setOperation(mutate_operation.MO_PUT)
                                            .setSort_key(b("s7"))
                                            .setValue(b("v7")),
                                    new mutate()
                                            .setOperation(mutate_operation.MO_DELETE)
                                            .setSort_key(b("s2"))
                                            .setValue(new blob()))),
                    check_and_mutate_response::new);
            assertThat(cam.getError()).isZero();

            update_response removed = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_REMOVE.name(),
                    new blob(io.enif.proto.key.KeyCodec.encode("h".getBytes(), "s3".getBytes())),
                    update_response::new);
            assertThat(removed.getError()).isZero();
            multi_remove_response multiRemoved = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_MULTI_REMOVE.name(),
                    new multi_remove_request().setHash_key(b("h")).setSort_keys(List.of(b("s4"))),
                    multi_remove_response::new);
            assertThat(multiRemoved.getCount()).isEqualTo(1);

            // reads
            multi_get_response all = call(
                    cluster, p, ClientRpcs.RPC_RRDB_RRDB_MULTI_GET.name(), wholeHashKey("h"), multi_get_response::new);
            assertThat(pairs(all.getKvs())).containsExactly("s1=v1", "s5=v5", "s6=v6", "s7=v7");
            count_response count =
                    call(cluster, p, ClientRpcs.RPC_RRDB_RRDB_SORTKEY_COUNT.name(), b("h"), count_response::new);
            assertThat(count.getCount()).isEqualTo(4);
            ttl_response ttl = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_TTL.name(),
                    new blob(io.enif.proto.key.KeyCodec.encode("h".getBytes(), "s1".getBytes())),
                    ttl_response::new);
            assertThat(ttl.getTtl_seconds()).isEqualTo(-1);
            batch_get_response batch = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_BATCH_GET.name(),
                    new batch_get_request()
                            .setKeys(List.of(
                                    new full_key().setHash_key(b("h")).setSort_key(b("s5")),
                                    new full_key().setHash_key(b("h")).setSort_key(b("s2")))),
                    batch_get_response::new);
            assertThat(batch.getData()).hasSize(1);

            // a full scan in batches of 2, then clear_scanner (one-way)
            scan_response page = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_GET_SCANNER.name(),
                    new get_scanner_request()
                            .setStart_key(new blob(new byte[] {0, 0}))
                            .setStop_key(new blob(new byte[] {(byte) 0xff, (byte) 0xff}))
                            .setStart_inclusive(true)
                            .setBatch_size(2),
                    scan_response::new);
            int seen = page.getKvs().size();
            long context = page.getContext_id();
            assertThat(context).isGreaterThanOrEqualTo(0);
            while (context >= 0) {
                page = call(
                        cluster,
                        p,
                        ClientRpcs.RPC_RRDB_RRDB_SCAN.name(),
                        new scan_request().setContext_id(context),
                        scan_response::new);
                seen += page.getKvs().size();
                context = page.getContext_id();
            }
            assertThat(seen).isEqualTo(5); // four under "h" and the counter "n"
            scan_response second = call(
                    cluster,
                    p,
                    ClientRpcs.RPC_RRDB_RRDB_GET_SCANNER.name(),
                    new get_scanner_request()
                            .setStart_key(new blob(new byte[] {0, 0}))
                            .setStop_key(new blob(new byte[] {(byte) 0xff, (byte) 0xff}))
                            .setStart_inclusive(true)
                            .setBatch_size(1),
                    scan_response::new);
            cluster.client()
                    .send(
                            p,
                            new RpcRequest(
                                    ClientRpcs.RPC_RRDB_RRDB_CLEAR_SCANNER.name(),
                                    GPID,
                                    0,
                                    false,
                                    ArgsField.i64(second.getContext_id()),
                                    TIMEOUT))
                    .get(10, TimeUnit.SECONDS);
            Await.until("the scanner is cleared", () -> {
                try {
                    return call(
                                            cluster,
                                            p,
                                            ClientRpcs.RPC_RRDB_RRDB_SCAN.name(),
                                            new scan_request().setContext_id(second.getContext_id()),
                                            scan_response::new)
                                    .getError()
                            == 1;
                } catch (Exception e) {
                    return false;
                }
            });

            // the secondaries replayed every write kind into the same data
            long committed = cluster.runner(cluster.indexOf(p), GPID).snapshot().lastCommittedDecree();
            for (HostPort s : pc.secondaries()) {
                PartitionRunner runner = cluster.runner(cluster.indexOf(s), GPID);
                Await.until(s + " applied everything", () -> runner.snapshot().lastAppliedDecree() >= committed);
                assertThat(pairs(runner.store().multiGet(wholeHashKey("h")).getKvs()))
                        .containsExactly("s1=v1", "s5=v5", "s6=v6", "s7=v7");
                assertThat(new String(
                                runner.store()
                                        .get(new blob(MiniReplicaCluster.key("n")))
                                        .getValue()
                                        .data(),
                                StandardCharsets.UTF_8))
                        .isEqualTo("8");
            }
        }
    }
}
