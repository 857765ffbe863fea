/**
 * Compatibility with the official Apache Pegasus Java client, checked on bytes it really sent: request frames captured
 * between the unmodified client and an Enif onebox ({@code src/test/resources/pegasus-client-capture}) are decoded by
 * Enif's frame and IDL code and replayed against a mini-cluster. How the capture was made is in {@code
 * docs/pegasus-client-compatibility.md}.
 */
package io.enif.test.pegasus;
