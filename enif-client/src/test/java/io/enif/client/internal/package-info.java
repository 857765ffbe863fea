/** Unit tests of the client's internals: retry rules, route snapshots. */
package io.enif.client.internal;
