package io.enif.replica.codec;

import io.enif.common.Gpid;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.frame.FrameException;
import io.enif.proto.frame.RequestFrame;
import io.enif.proto.frame.RequestMeta;
import io.enif.proto.frame.Thft;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.update_request;
import io.enif.storage.WriteRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TTransportException;

/**
 * The client writes a mutation carries: a {@link io.enif.replication.MutationUpdate} holds the client's message
 * name and the request's args struct exactly as it arrived (field 1 = the request); this class turns it into the
 * store's {@link WriteRequest}.
 */
public final class WriteCodec {
    /** The message names of the client writes a replica replicates. */
    public static final Set<String> WRITE_CODES = Set.of(
            ClientRpcs.RPC_RRDB_RRDB_PUT.name(),
            ClientRpcs.RPC_RRDB_RRDB_REMOVE.name(),
            ClientRpcs.RPC_RRDB_RRDB_MULTI_PUT.name(),
            ClientRpcs.RPC_RRDB_RRDB_MULTI_REMOVE.name(),
            ClientRpcs.RPC_RRDB_RRDB_INCR.name(),
            ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_SET.name(),
            ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_MUTATE.name());

    private static final RequestMeta NO_META = RequestMeta.v1(new Gpid(0, 0), 0, 0, false);

    private WriteCodec() {}

    /**
     * The store's write request of one update.
     *
     * @throws IllegalArgumentException for an unknown message name or args that do not decode
     */
    public static WriteRequest<?> decode(String code, byte[] args) {
        RequestFrame frame = new RequestFrame(NO_META, code, Thft.CALL, 0, ByteBuffer.wrap(args));
        try {
            if (code.equals(ClientRpcs.RPC_RRDB_RRDB_PUT.name())) {
                return new WriteRequest.Put(frame.readArgs(new update_request()));
            } else if (code.equals(ClientRpcs.RPC_RRDB_RRDB_REMOVE.name())) {
                return new WriteRequest.Remove(frame.readArgs(new blob()));
            } else if (code.equals(ClientRpcs.RPC_RRDB_RRDB_MULTI_PUT.name())) {
                return new WriteRequest.MultiPut(frame.readArgs(new multi_put_request()));
            } else if (code.equals(ClientRpcs.RPC_RRDB_RRDB_MULTI_REMOVE.name())) {
                return new WriteRequest.MultiRemove(frame.readArgs(new multi_remove_request()));
            } else if (code.equals(ClientRpcs.RPC_RRDB_RRDB_INCR.name())) {
                return new WriteRequest.Incr(frame.readArgs(new incr_request()));
            } else if (code.equals(ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_SET.name())) {
                return new WriteRequest.CheckAndSet(frame.readArgs(new check_and_set_request()));
            } else if (code.equals(ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_MUTATE.name())) {
                return new WriteRequest.CheckAndMutate(frame.readArgs(new check_and_mutate_request()));
            }
        } catch (FrameException e) {
            throw new IllegalArgumentException("cannot decode the args of " + code, e);
        }
        throw new IllegalArgumentException("not a replicated write: " + code);
    }

    /** The store's write requests of a mutation's updates, in order. */
    public static List<WriteRequest<?>> decodeAll(List<io.enif.replication.MutationUpdate> updates) {
        List<WriteRequest<?>> out = new ArrayList<>(updates.size());
        for (io.enif.replication.MutationUpdate u : updates) {
            out.add(decode(u.code(), u.data()));
        }
        return out;
    }

    /** The args struct carrying {@code request} as field 1, as a client sends it. */
    public static byte[] argsBytes(TBase<?, ?> request) {
        try {
            TMemoryBuffer buffer = new TMemoryBuffer(64);
            TBinaryProtocol out = new TBinaryProtocol(buffer);
            ArgsField.struct(request).writeArgs(out);
            byte[] bytes = new byte[buffer.length()];
            System.arraycopy(buffer.getArray(), 0, bytes, 0, bytes.length);
            return bytes;
        } catch (TTransportException e) {
            throw new IllegalStateException("cannot allocate a buffer", e);
        } catch (TException e) {
            throw new IllegalArgumentException(
                    "cannot encode " + request.getClass().getSimpleName(), e);
        }
    }
}
