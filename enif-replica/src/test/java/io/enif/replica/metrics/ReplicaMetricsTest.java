package io.enif.replica.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.metrics.MetricEntity;
import io.enif.common.metrics.MetricRegistry;
import io.enif.proto.base.blob;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.read_response;
import io.enif.replication.learn.LearnType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ReplicaMetricsTest {
    @Test
    void operationsFromRpcNames() {
        assertThat(Operation.ofRpc("RPC_RRDB_RRDB_GET")).isEqualTo(Operation.GET);
        assertThat(Operation.ofRpc("RPC_RRDB_RRDB_GET_SCANNER")).isEqualTo(Operation.SCAN);
        assertThat(Operation.ofRpc("RPC_RRDB_RRDB_CHECK_AND_MUTATE")).isEqualTo(Operation.CHECK_AND_MUTATE);
        assertThat(Operation.ofRpc("RPC_RRDB_RRDB_CLEAR_SCANNER")).isNull();
        assertThat(Operation.ofRpc("RPC_PREPARE")).isNull();
        assertThat(Operation.PUT.requests().name()).isEqualTo("put_requests");
        assertThat(Operation.MULTI_GET.latency().name()).isEqualTo("multi_get_latency_ns");
        assertThat(Operation.REMOVE.bytes()).isNull();
    }

    @Test
    void responseBytesCountKeysAndValues() {
        assertThat(ResponseBytes.of(new read_response().setValue(new blob(new byte[10]))))
                .isEqualTo(10);
        multi_get_response m =
                new multi_get_response().setKvs(List.of(new key_value(new blob(new byte[2]), new blob(new byte[5]))));
        assertThat(ResponseBytes.of(m)).isEqualTo(7);
        assertThat(ResponseBytes.of("no data")).isZero();
    }

    @Test
    void partitionMetricsCountReadsWritesAndUnits() {
        MetricRegistry registry = new MetricRegistry();
        ReplicaMetrics metrics = new ReplicaMetrics(registry);
        PartitionMetrics p = metrics.partition(new Gpid(2, 3), "temp", "ssd0");
        assertThat(metrics.partition(new Gpid(2, 3), "temp", "ssd0")).isSameAs(p);
        p.read(Operation.GET, 1000, 5000, true);
        p.applied(Operation.PUT, 10);
        p.applied(Operation.PUT, 10);
        p.writeLatency(Operation.PUT, 2000);
        p.prepareFailed();
        p.learned(LearnType.LT_LOG);
        MetricEntity e = registry.find("replica@2.3");
        assertThat(e.attributes())
                .containsEntry("table_id", "2")
                .containsEntry("partition_id", "3")
                .containsEntry("table_name", "temp")
                .containsEntry("disk_tag", "ssd0");
        assertThat(e.counter(Operation.GET.requests()).value()).isEqualTo(1);
        assertThat(e.counter(Operation.GET.bytes()).value()).isEqualTo(5000);
        assertThat(e.counter(ReplicaMetrics.READ_CAPACITY_UNITS).value()).isEqualTo(2);
        assertThat(e.counter(ReplicaMetrics.BACKUP_REQUESTS).value()).isEqualTo(1);
        assertThat(e.counter(Operation.PUT.requests()).value()).isEqualTo(2);
        assertThat(e.counter(ReplicaMetrics.WRITE_CAPACITY_UNITS).value()).isEqualTo(2);
        assertThat(e.percentile(Operation.PUT.latency()).snapshot().value("p99"))
                .isEqualTo(2000);
        assertThat(e.counter(ReplicaMetrics.PREPARE_FAILED).value()).isEqualTo(1);
        assertThat(e.counter(ReplicaMetrics.LEARNED.get(LearnType.LT_LOG)).value())
                .isEqualTo(1);
        assertThat(e.counter(ReplicaMetrics.LEARNED.get(LearnType.LT_APP)).value())
                .isZero();
        metrics.retire(new Gpid(2, 3));
        assertThat(registry.find("replica@2.3")).isNull();
    }
}
