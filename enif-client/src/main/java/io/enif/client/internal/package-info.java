/**
 * How the client works inside: the meta session ({@link io.enif.client.internal.MetaSession}), the per-table route
 * cache ({@link io.enif.client.internal.RouteTable}), the retry rules ({@link io.enif.client.internal.RetryPolicy}),
 * the loop that sends one operation until it succeeds or its deadline passes ({@link
 * io.enif.client.internal.TableHandler}), argument checks, scanners, batch fan-outs and the implementations of the
 * public interfaces. Nothing here is API: it may change without notice.
 *
 * <p>Threads: RPC replies arrive on the network I/O threads and retries are scheduled on one timer thread; nothing
 * here blocks either. Sync calls wait on the internal futures; async calls hand their result to the table's callback
 * lane ({@link io.enif.client.internal.CallbackLanes}), so a callback that makes a sync call cannot deadlock the
 * client.
 */
package io.enif.client.internal;
