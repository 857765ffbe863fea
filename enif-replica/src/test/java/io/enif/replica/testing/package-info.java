/** Test doubles for the replica server: a file-backed stand-in for the private log, in-memory links, a fake meta. */
package io.enif.replica.testing;
