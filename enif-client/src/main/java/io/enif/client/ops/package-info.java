/**
 * One small class per RPC, as Pegasus's client keeps them in {@code operator/}: each builds its request struct and
 * turns the response into a result or an exception. They know nothing of routing, sessions or retries, which the
 * caller ({@code io.enif.client.internal.TableHandler} for data operations, {@code MetaSession} for meta RPCs)
 * provides.
 *
 * <p>Data operations extend {@link io.enif.client.ops.ClientOp}; their response's {@code error} field is a RocksDB
 * status ({@link io.enif.client.ops.Status}): 0 ok, 1 not found, 4 invalid argument, 7 incomplete, 13 try again,
 * each with the meaning its operation gives it. Meta RPCs extend {@link io.enif.client.ops.MetaOp}.
 */
package io.enif.client.ops;
