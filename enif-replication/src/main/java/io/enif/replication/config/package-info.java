/**
 * Membership changes: status and ballot transitions ({@link io.enif.replication.config.RoleTransitions}), the meta
 * server's proposals and config sync ({@link io.enif.replication.config.ProposalHandler}), and the changes a replica
 * asks the meta server to persist ({@link io.enif.replication.config.Reconfiguration}).
 */
package io.enif.replication.config;
