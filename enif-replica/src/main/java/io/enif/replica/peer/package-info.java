/**
 * The replica server's outgoing side toward its peers: {@link io.enif.replica.peer.RpcPeerLink} sends the core's
 * group messages as RPCs, and {@link io.enif.replica.peer.FileCopier} with {@link
 * io.enif.replica.peer.RpcLearnTransfers} pulls learned files ({@code RPC_NFS_COPY}) under a rate limit, served by
 * {@link io.enif.replica.peer.FileServeHandler}.
 */
package io.enif.replica.peer;
