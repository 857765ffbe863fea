/**
 * Thread confinement without locks (STYLE convention 2): {@link io.enif.common.concurrent.OrderedExecutor} hashes a
 * key (a partition's gpid) onto one of N single-thread {@link io.enif.common.concurrent.Lane}s, so that everything
 * touching one partition runs in order on one thread; {@link io.enif.common.concurrent.LaneChecker} asserts it. The
 * millisecond clocks that drive the replication core's ticks ({@link io.enif.common.concurrent.MillisClock}, {@link
 * io.enif.common.concurrent.ManualClock}) live here too.
 *
 * <p>What does not belong here: anything that knows about replicas, RPC or storage.
 */
package io.enif.common.concurrent;
