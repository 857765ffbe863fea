/**
 * Partition health as Pegasus's listings show it ({@code spec/ops-cluster.md} §0.3), shared by the meta server and
 * the shell so both classify a partition the same way.
 */
package io.enif.common.health;
