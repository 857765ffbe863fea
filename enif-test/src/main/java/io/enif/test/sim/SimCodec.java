package io.enif.test.sim;

import io.enif.meta.state.ConfigType;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigCodec;
import io.enif.replica.codec.ConfigurationCodec;
import io.enif.replication.PartitionConfiguration;

/**
 * The meta server's and the core's views of a partition configuration, converted through the Thrift form both real
 * servers already speak (so the simulation exercises the same codecs as the wire).
 */
final class SimCodec {
    private SimCodec() {}

    static PartitionConfiguration toCore(PartitionConfig pc) {
        return ConfigurationCodec.fromThrift(PartitionConfigCodec.toThrift(pc));
    }

    static PartitionConfig toMeta(PartitionConfiguration pc) {
        return PartitionConfigCodec.fromThrift(ConfigurationCodec.toThrift(pc));
    }

    static io.enif.replication.ConfigType toCore(ConfigType type) {
        return io.enif.replication.ConfigType.valueOf("CT_" + type.name());
    }

    static ConfigType toMeta(io.enif.replication.ConfigType type) {
        return ConfigType.valueOf(type.name().substring(3));
    }
}
