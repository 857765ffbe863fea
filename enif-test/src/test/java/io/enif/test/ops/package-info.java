/**
 * Acceptance tests of the operator surface ({@code spec/ops-cluster.md} §1, §4, §5): configuration over HTTP, remote
 * commands and the HTTP API, on a mini-cluster over real ports.
 */
package io.enif.test.ops;
