/**
 * The public API of Enif's Java client, the Pegasus client's surface in Enif's words.
 *
 * <p>Start with {@link io.enif.client.EnifClient#create(ClientConfig)}, open a table with {@link
 * io.enif.client.EnifClient#openTable(String)} and call data operations on the {@link io.enif.client.EnifTable}: each
 * comes in a sync form and an async form returning a {@link java.util.concurrent.CompletableFuture}, and takes a
 * per-call timeout in milliseconds ({@code <= 0} means the configured {@code operation_timeout}). Failures are {@link
 * io.enif.client.EnifClientException}s (unchecked); the subclasses say what kind.
 *
 * <p>This package holds only the API: interfaces, configuration, option and result types, and exceptions. Routing,
 * retries and sessions live in {@code io.enif.client.internal}, and one class per RPC in {@code io.enif.client.ops}.
 */
package io.enif.client;
