/**
 * End-to-end tests of the client over the wire against a fake cluster ({@code io.enif.client.fake}): every data
 * operation, routing and re-routing, the retry rules, scanners, admin calls and client-side checks.
 */
package io.enif.client;
