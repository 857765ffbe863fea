/** Error names shared by every module: the RPC-level codes Enif may send, and the exceptions built on them. */
package io.enif.common.error;
