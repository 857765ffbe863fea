package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.proto.replication.configuration_update_request;

/**
 * Where the leader sends configuration proposals ({@code RPC_CONFIG_PROPOSAL}, one-way): to replica servers over RPC
 * in production, to a list in tests. Proposals are hints; a lost one is proposed again by the next cure pass.
 */
@FunctionalInterface
interface ProposalSink {
    void send(HostPort target, configuration_update_request proposal);
}
