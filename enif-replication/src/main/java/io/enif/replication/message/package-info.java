/**
 * Messages between the replicas of one partition (prepare, group check, learn, ...), emitted by one core and
 * consumed by another; the replica server maps them to the Thrift structs of {@code consensus.thrift}.
 */
package io.enif.replication.message;
