/**
 * Conversion between the replication core's domain types ({@code io.enif.replication}) and the Thrift structs on
 * the wire ({@code io.enif.proto.replication}, {@code io.enif.proto.layer2}), one class per family, like Ratis's
 * {@code ServerProtoUtils}: addresses, configurations and roles ({@link io.enif.replica.codec.ConfigurationCodec}),
 * mutations and their private-log record ({@link io.enif.replica.codec.MutationCodec}), the messages inside a
 * partition's group ({@link io.enif.replica.codec.MessageCodec}) and the client writes a mutation carries ({@link
 * io.enif.replica.codec.WriteCodec}).
 *
 * <p>Every address is written twice, as {@code rpc_address} (IPv4 literals only, otherwise the invalid address) and
 * as its {@code hp_*} twin; reading prefers the twin. No I/O and no state here.
 */
package io.enif.replica.codec;
