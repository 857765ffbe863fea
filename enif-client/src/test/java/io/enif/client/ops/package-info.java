/** Tests of the per-RPC ops against the byte frames of {@code spec/protocol.md}. */
package io.enif.client.ops;
