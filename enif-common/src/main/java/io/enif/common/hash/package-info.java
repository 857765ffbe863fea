/** Hash functions with a fixed definition on the wire: the CRC-64 that routes hash keys to partitions. */
package io.enif.common.hash;
