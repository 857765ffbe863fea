package io.enif.meta.state;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static io.enif.meta.MetaFixtures.withDrops;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.layer2.partition_configuration;
import java.util.List;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PartitionConfigCodecTest {

    @Test
    void fillsBothAddressFormsAndRoundTrips() {
        PartitionConfig pc = withDrops(pc(gpid(3, 7), r(1), r(2), r(3)), r(4));
        partition_configuration thrift = PartitionConfigCodec.toThrift(pc);

        assertThat(thrift.getPid().toGpid()).isEqualTo(gpid(3, 7));
        assertThat(thrift.getPrimary()).isEqualTo(rpc_address.fromHostPort(r(1)));
        assertThat(thrift.getHp_primary()).isEqualTo(host_port.of(r(1)));
        assertThat(thrift.getSecondaries())
                .containsExactly(rpc_address.fromHostPort(r(2)), rpc_address.fromHostPort(r(3)));
        assertThat(thrift.getHp_secondaries()).containsExactly(host_port.of(r(2)), host_port.of(r(3)));
        assertThat(thrift.getHp_last_drops()).containsExactly(host_port.of(r(4)));
        assertThat(thrift.getLast_committed_decree()).isEqualTo(100);

        assertThat(PartitionConfigCodec.fromThrift(thrift)).isEqualTo(pc);
    }

    @Test
    void noPrimaryIsTheInvalidAddressInBothForms() {
        partition_configuration thrift = PartitionConfigCodec.toThrift(pc(gpid(1, 0), null, r(2)));
        assertThat(thrift.getPrimary().isValid()).isFalse();
        assertThat(thrift.getHp_primary().isValid()).isFalse();
        assertThat(PartitionConfigCodec.fromThrift(thrift).hasPrimary()).isFalse();
    }

    @Test
    void hostNamesGetTheInvalidRpcAddressButKeepTheirHostPort() {
        HostPort named = new HostPort("replica-1.example", 34801);
        partition_configuration thrift = PartitionConfigCodec.toThrift(pc(gpid(1, 0), named));
        assertThat(thrift.getPrimary().isValid()).isFalse();
        assertThat(PartitionConfigCodec.fromThrift(thrift).primary()).isEqualTo(named);
    }

    @Test
    void readsPeersThatSetOnlyRpcAddresses() {
        partition_configuration old = new partition_configuration();
        old.setPid(io.enif.proto.base.gpid.of(gpid(2, 1)));
        old.setBallot(9);
        old.setMax_replica_count(3);
        old.setPrimary(rpc_address.fromHostPort(r(1)));
        old.setSecondaries(List.of(rpc_address.fromHostPort(r(2))));
        old.setLast_drops(List.of());
        PartitionConfig pc = PartitionConfigCodec.fromThrift(old);
        assertThat(pc.primary()).isEqualTo(r(1));
        assertThat(pc.secondaries()).containsExactly(r(2));
        assertThat(pc.ballot()).isEqualTo(9);
    }

    @Test
    void survivesTheWire() throws Exception {
        PartitionConfig pc = withDrops(pc(gpid(5, 2), r(2), r(3)), r(1));
        byte[] bytes = new TSerializer(new TBinaryProtocol.Factory()).serialize(PartitionConfigCodec.toThrift(pc));
        partition_configuration decoded = new partition_configuration();
        new TDeserializer(new TBinaryProtocol.Factory()).deserialize(decoded, bytes);
        assertThat(PartitionConfigCodec.fromThrift(decoded)).isEqualTo(pc);
    }
}
