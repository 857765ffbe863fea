/**
 * The RPC layer's public API: {@link io.enif.rpc.RpcServer} (THFT and HTTP on one port), {@link
 * io.enif.rpc.RpcDispatcher} (message name to handler), {@link io.enif.rpc.RpcContext} (how a handler replies, at once
 * or later from any thread) and {@link io.enif.rpc.RpcClient} (pipelined calls matched by seqid, timeouts, session
 * reset). Handlers and callers see only these types and the frames of {@code io.enif.proto.frame}; the Netty
 * plumbing lives in {@code io.enif.rpc.netty}.
 */
package io.enif.rpc;
