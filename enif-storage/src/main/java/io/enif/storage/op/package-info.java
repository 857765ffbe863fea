/**
 * The pure rules of the data operations, with no RocksDB in sight: the 18 check types of check_and_set and
 * check_and_mutate, strict decimal int64 parsing (incr and the INT checks), the FT_* key filters, the key ranges of
 * multi_get and scanners, the incr TTL rules, and the common response header (app id, partition index, server).
 */
package io.enif.storage.op;
