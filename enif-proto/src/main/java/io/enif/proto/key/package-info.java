/**
 * The key and value schema shared by clients and the store: Pegasus's key encoding, partition hashing, the 2016
 * expiry epoch and the stored value header.
 */
package io.enif.proto.key;
