package io.enif.replication.config;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership changes this replica asks the meta server to persist (spec §6.10, "replica-initiated change"; Pegasus
 * {@code update_configuration_on_meta_server}).
 *
 * <p>The meta server owns membership: even a primary removing a dead secondary asks first. While a request is in
 * flight the replica is transiently {@code INACTIVE} (two-phase commit is off: writes are refused with {@code
 * ERR_INVALID_STATE}); one request at a time. The meta server answers with the configuration it stores ({@code
 * ERR_OK}, or {@code ERR_INVALID_VERSION} when the ballot moved), which the replica then adopts; an RPC failure is
 * retried after {@code configUpdateRetryMs}, as is a request that got no answer for ten times that.
 */
public final class Reconfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(Reconfiguration.class);

    private final ReplicaCore core;
    private Ready.UpdateConfiguration pending;
    private long resendAtMs;

    public Reconfiguration(ReplicaCore core) {
        this.core = core;
    }

    /** Whether a request waits for the meta server's answer. */
    public boolean isPending() {
        return pending != null;
    }

    /** The request in flight, or {@code null}. */
    public Ready.UpdateConfiguration pendingRequest() {
        return pending;
    }

    /**
     * Asks the meta server to persist {@code config} (whose ballot must be the current one + 1). A primary (or a
     * replica becoming one) stops serving until the answer.
     */
    public void request(ConfigType type, HostPort node, PartitionConfiguration config) {
        if (pending != null || core.status() == PartitionStatus.ERROR) {
            return;
        }
        pending = new Ready.UpdateConfiguration(type, node, config);
        LOG.info("{}: asking the meta server for {} of {} at ballot {}", core.name(), type, node, config.ballot());
        if (core.status() == PartitionStatus.PRIMARY
                || core.status() == PartitionStatus.SECONDARY
                || core.inactiveTransient()) {
            core.roles().becomeInactive(true);
        }
        send();
    }

    /** Primary: a secondary failed; ask to remove it ({@code CT_DOWNGRADE_TO_INACTIVE}). */
    public void requestDowngrade(HostPort secondary) {
        requestRemoval(ConfigType.CT_DOWNGRADE_TO_INACTIVE, secondary);
    }

    /** Primary: remove a secondary from the group ({@code CT_DOWNGRADE_TO_INACTIVE} or {@code CT_REMOVE}). */
    void requestRemoval(ConfigType type, HostPort secondary) {
        List<HostPort> secondaries = new ArrayList<>(core.secondaries());
        if (!secondaries.remove(secondary)) {
            return;
        }
        request(type, secondary, next(core.self(), secondaries));
    }

    /** The current configuration with new members, ballot + 1, and this replica's commit point. */
    PartitionConfiguration next(HostPort primary, List<HostPort> secondaries) {
        return core.partitionConfiguration()
                .next(primary, secondaries, core.prepareList().lastCommittedDecree());
    }

    private void send() {
        resendAtMs = core.nowMs() + 10 * core.options().configUpdateRetryMs();
        core.outbox().meta(pending);
    }

    /** The meta server's answer. */
    public void onReply(ErrorCode error, PartitionConfiguration stored) {
        if (pending == null) {
            if (stored != null && stored.ballot() > core.ballot()) {
                core.roles().applyPersisted(stored, false); // a late answer that still tells something new
            }
            return;
        }
        boolean answered = error == ErrorCode.ERR_OK
                || error == ErrorCode.ERR_INVALID_VERSION
                || error == ErrorCode.ERR_STATE_FREEZED;
        if (!answered || stored == null) {
            LOG.warn("{}: configuration update {} failed: {}, retrying", core.name(), pending.type(), error);
            resendAtMs = core.nowMs() + core.options().configUpdateRetryMs();
            return;
        }
        Ready.UpdateConfiguration done = pending;
        pending = null;
        if (error != ErrorCode.ERR_OK) {
            LOG.warn("{}: configuration update {} refused: {}", core.name(), done.type(), error);
        }
        boolean granted = error == ErrorCode.ERR_OK
                && stored.ballot() == done.config().ballot()
                && stored.statusOf(core.self()) == done.config().statusOf(core.self());
        if (stored.ballot() >= core.ballot()) {
            core.roles().applyPersisted(stored, granted);
        }
        if (granted && core.leaseValid()) {
            core.confirmRole();
        }
        if (!granted
                && core.status() == PartitionStatus.INACTIVE
                && !core.inactiveTransient()
                && stored.isMember(core.self())) {
            core.proposals().onSync(stored); // still listed after a refusal: ask again on the new ballot
        }
        if (error == ErrorCode.ERR_OK && done.type() == ConfigType.CT_REMOVE && !stored.isMember(done.node())) {
            core.outbox().send(done.node(), new ReplicaMessage.RemoveReplica(stored.ballot()));
        }
    }

    /** Re-sends a request that got no usable answer. */
    public void onTick() {
        if (pending != null && core.nowMs() >= resendAtMs) {
            send();
        }
    }

    /** Drops the request in flight (the replica moved on without it). */
    public void cancel() {
        pending = null;
    }
}
