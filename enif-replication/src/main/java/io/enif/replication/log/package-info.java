/**
 * The prepare list: the in-memory window of prepared and recently committed decrees, with the commit-in-order and
 * staleness rules (Pegasus {@code prepare_list}). The private log itself lives in the replica server.
 */
package io.enif.replication.log;
