/**
 * The meta server. {@code server} holds the process, {@code store} its ZooKeeper store and {@code election} the
 * leader election; the other sub-packages hold its pure decision logic — cluster state values ({@code state}), failure
 * detection ({@code fd}), cure ({@code guardian}), meta function levels ({@code level}) and health ({@code health}) —
 * as functions of the state and of time passed in as milliseconds, with no threads, clocks or I/O (DESIGN §4). Each
 * package keeps its tunables in a small typed record with Pegasus's names and defaults.
 */
package io.enif.meta;
