package io.enif.replication.message;

import io.enif.common.HostPort;
import io.enif.replication.PartitionStatus;

/**
 * The role a primary gives the receiver of a prepare, group check or learner invitation (Pegasus's {@code
 * replica_configuration}): the ballot, the primary, the receiver's status and, for a learner, the signature of its
 * learning round.
 *
 * @param ballot the sender's ballot
 * @param primary the sender, the primary of that ballot
 * @param status the receiver's role
 * @param learnerSignature the learning round for a {@link PartitionStatus#POTENTIAL_SECONDARY}; {@link
 *     #NO_SIGNATURE} otherwise
 */
public record AssignedRole(long ballot, HostPort primary, PartitionStatus status, long learnerSignature) {
    /** Pegasus's {@code invalid_signature}. */
    public static final long NO_SIGNATURE = 0;
}
