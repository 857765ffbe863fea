/**
 * The replica server's RPC handlers, one class per family (STYLE convention 4): client writes ({@link
 * io.enif.replica.handler.ClientWriteHandler}), client reads and scanners ({@link
 * io.enif.replica.handler.ClientReadHandler}), replication inside a partition's group ({@link
 * io.enif.replica.handler.ReplicationHandler}) and the meta server's proposals ({@link
 * io.enif.replica.handler.ConfigProposalHandler}). Each decodes, validates, routes to the partition's runner (and so
 * its lane) and replies; none holds replica state.
 */
package io.enif.replica.handler;
