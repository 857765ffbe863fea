/**
 * Meta function levels ({@code spec/ops-recovery-and-architecture.md} §6.12, {@code spec/ops-cluster.md} §0.4):
 * stopped, blind, freezed, steady and lively, what each lets the meta server do (the source's behaviour, DESIGN §10),
 * and the automatic freeze while too few replica servers are alive.
 */
package io.enif.meta.level;
