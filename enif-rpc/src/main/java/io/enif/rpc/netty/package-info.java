/**
 * Netty plumbing only, no business logic: the server pipeline (protocol sniffing, THFT frame cutting and decoding,
 * dispatch, HTTP), the per-connection guard that keeps one bad connection from affecting the others, and the client
 * session (response framing, matching replies to pending calls by seqid).
 *
 * <p>Server pipeline of a connection: {@code sniffer → guard}; once the first bytes are seen, either {@code
 * thft-frames → thft-dispatch → guard} or {@code http-codec → http-aggregator → http-handler → guard}.
 */
package io.enif.rpc.netty;
