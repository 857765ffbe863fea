/**
 * The catalogue of Pegasus message names (task codes) that Enif sends or serves, each with its request and response
 * body: {@link io.enif.proto.rpc.RpcSpec} and one constants class per family ({@link io.enif.proto.rpc.ClientRpcs},
 * {@link io.enif.proto.rpc.MetaRpcs}, {@link io.enif.proto.rpc.ReplicationRpcs}, ...), gathered by {@link
 * io.enif.proto.rpc.RpcCatalog}. Dispatchers and clients register and call by these constants instead of typing
 * message names. Hand-written; the structs it names are generated from {@code src/main/thrift}.
 */
package io.enif.proto.rpc;
