package io.enif.replica.codec;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.gpid;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.replication.config_type;
import io.enif.proto.replication.learn_type;
import io.enif.proto.replication.learner_status;
import io.enif.proto.replication.partition_status;
import io.enif.proto.replication.replica_configuration;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnType;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.message.AssignedRole;
import java.util.ArrayList;
import java.util.List;

/**
 * Partition configurations, roles and the protocol's enums between the core and the wire ({@code
 * partition_configuration}, {@code replica_configuration}, {@code config_type}, {@code partition_status}, {@code
 * learner_status}, {@code learn_type}).
 */
public final class ConfigurationCodec {
    private ConfigurationCodec() {}

    // ---- partition configuration ----

    /** The wire form; {@code last_drops} stays empty (the meta server keeps it). */
    public static partition_configuration toThrift(PartitionConfiguration pc) {
        partition_configuration out = new partition_configuration();
        out.setPid(gpid.of(pc.gpid()));
        out.setBallot(pc.ballot());
        out.setMax_replica_count(pc.maxReplicaCount());
        out.setPrimary(Addresses.address(pc.primary()));
        out.setSecondaries(Addresses.addresses(pc.secondaries()));
        out.setLast_drops(new ArrayList<>());
        out.setLast_committed_decree(pc.lastCommittedDecree());
        out.setPartition_flags(0);
        out.setHp_primary(Addresses.hostPort(pc.primary()));
        out.setHp_secondaries(Addresses.hostPorts(pc.secondaries()));
        out.setHp_last_drops(new ArrayList<>());
        return out;
    }

    /**
     * The core's form.
     *
     * @throws IllegalArgumentException when the struct has no pid or lists the primary as a secondary
     */
    public static PartitionConfiguration fromThrift(partition_configuration in) {
        if (in.getPid() == null) {
            throw new IllegalArgumentException("partition_configuration without pid");
        }
        HostPort primary = Addresses.node(in.isSetHp_primary() ? in.getHp_primary() : null, in.getPrimary());
        List<HostPort> secondaries =
                Addresses.nodes(in.isSetHp_secondaries() ? in.getHp_secondaries() : null, in.getSecondaries());
        return new PartitionConfiguration(
                in.getPid().toGpid(),
                in.getBallot(),
                primary,
                secondaries,
                Math.max(1, in.getMax_replica_count()),
                in.getLast_committed_decree());
    }

    // ---- the receiver's role ----

    /** A {@code replica_configuration} giving the receiver {@code role} in partition {@code pid}. */
    public static replica_configuration role(Gpid pid, AssignedRole role) {
        replica_configuration out = new replica_configuration();
        out.setPid(gpid.of(pid));
        out.setBallot(role.ballot());
        out.setPrimary(Addresses.address(role.primary()));
        out.setHp_primary(Addresses.hostPort(role.primary()));
        out.setStatus(status(role.status()));
        out.setLearner_signature(role.learnerSignature());
        return out;
    }

    /**
     * The role a {@code replica_configuration} gives.
     *
     * @throws IllegalArgumentException when it names no primary
     */
    public static AssignedRole role(replica_configuration in) {
        HostPort primary = Addresses.node(in.isSetHp_primary() ? in.getHp_primary() : null, in.getPrimary());
        if (primary == null) {
            throw new IllegalArgumentException("replica_configuration without a primary");
        }
        return new AssignedRole(in.getBallot(), primary, status(in.getStatus()), in.getLearner_signature());
    }

    // ---- enums ----

    public static partition_status status(PartitionStatus status) {
        return partition_status.valueOf("PS_" + status.name());
    }

    /** The core's status; {@code PS_INVALID}, {@code PS_PARTITION_SPLIT} and unknown values read as inactive. */
    public static PartitionStatus status(partition_status status) {
        if (status == null) {
            return PartitionStatus.INACTIVE;
        }
        return switch (status) {
            case PS_ERROR -> PartitionStatus.ERROR;
            case PS_PRIMARY -> PartitionStatus.PRIMARY;
            case PS_SECONDARY -> PartitionStatus.SECONDARY;
            case PS_POTENTIAL_SECONDARY -> PartitionStatus.POTENTIAL_SECONDARY;
            default -> PartitionStatus.INACTIVE;
        };
    }

    public static config_type type(ConfigType type) {
        return config_type.valueOf(type.name());
    }

    /** The core's type; a missing one reads as {@code CT_INVALID}. */
    public static ConfigType type(config_type type) {
        return type == null ? ConfigType.CT_INVALID : ConfigType.valueOf(type.name());
    }

    public static learner_status learnerStatus(LearnerStatus status) {
        return switch (status) {
            case INVALID -> learner_status.LearningInvalid;
            case WITHOUT_PREPARE -> learner_status.LearningWithoutPrepare;
            case WITH_PREPARE_TRANSIENT -> learner_status.LearningWithPrepareTransient;
            case WITH_PREPARE -> learner_status.LearningWithPrepare;
            case SUCCEEDED -> learner_status.LearningSucceeded;
            case FAILED -> learner_status.LearningFailed;
        };
    }

    public static LearnerStatus learnerStatus(learner_status status) {
        if (status == null) {
            return LearnerStatus.INVALID;
        }
        return switch (status) {
            case LearningInvalid -> LearnerStatus.INVALID;
            case LearningWithoutPrepare -> LearnerStatus.WITHOUT_PREPARE;
            case LearningWithPrepareTransient -> LearnerStatus.WITH_PREPARE_TRANSIENT;
            case LearningWithPrepare -> LearnerStatus.WITH_PREPARE;
            case LearningSucceeded -> LearnerStatus.SUCCEEDED;
            case LearningFailed -> LearnerStatus.FAILED;
        };
    }

    public static learn_type learnType(LearnType type) {
        return learn_type.valueOf(type.name());
    }

    /**
     * The core's learn type.
     *
     * @throws IllegalArgumentException for {@code LT_INVALID} or a missing type
     */
    public static LearnType learnType(learn_type type) {
        if (type == null || type == learn_type.LT_INVALID) {
            throw new IllegalArgumentException("learn type " + type);
        }
        return LearnType.valueOf(type.name());
    }
}
