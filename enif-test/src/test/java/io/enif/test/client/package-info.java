/**
 * Integration tests of the Enif Java client ({@code enif-client}) against a real {@link
 * io.enif.test.minicluster.MiniCluster}: every data and admin operation in its sync and async form, and re-routing when
 * a partition's primary moves under a writer. One cluster per test class.
 */
package io.enif.test.client;
