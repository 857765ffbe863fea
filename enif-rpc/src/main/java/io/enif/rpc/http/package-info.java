/**
 * The HTTP side of the RPC port (DESIGN §2.6): a plain request/response model that the server's routes ({@code
 * /version}, {@code /metrics}, {@code /config}, ...) implement, with no Netty types in it.
 */
package io.enif.rpc.http;
