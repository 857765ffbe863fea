/**
 * Hand-written Java classes for Pegasus's placeholder types (blob, error_code, task_code, gpid, rpc_address,
 * host_port). The IDL declares them as empty structs; these classes write the raw values of {@code
 * spec/protocol.md} §3 in their place. Their lower-case names are the IDL's, which the generated code uses.
 */
package io.enif.proto.base;
