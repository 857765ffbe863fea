/**
 * Fault injection for tests and the mini-cluster: {@link io.enif.replica.fault.ServerPause} stops a whole replica
 * server as {@code SIGSTOP} stops a process (its threads parked, incoming requests held) and lets it go on as {@code
 * SIGCONT} does. Nothing here runs unless a test asks for it.
 */
package io.enif.replica.fault;
