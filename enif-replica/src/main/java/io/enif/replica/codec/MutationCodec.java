package io.enif.replica.codec;

import io.enif.proto.base.blob;
import io.enif.proto.base.gpid;
import io.enif.proto.base.task_code;
import io.enif.proto.replication.mutation_data;
import io.enif.proto.replication.mutation_header;
import io.enif.proto.replication.mutation_update;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutations between the core and the wire ({@code mutation_data}), and the private log's record.
 *
 * <p>The log record of a mutation is its {@code mutation_data} in Thrift binary: the header (gpid, ballot, decree,
 * piggybacked commit point, timestamp) and every update (the client's message name, serialization type 1, and the
 * request's args bytes). Request ids are local to the replica that admitted a write and are never encoded. An empty
 * write has no updates; Pegasus's {@code RPC_REPLICATION_WRITE_EMPTY} update is accepted when read and dropped.
 *
 * <p>A list of mutations (the {@code LT_CACHE} learn state) is a big-endian i32 count followed by each mutation as
 * an i32 length and its record.
 */
public final class MutationCodec {
    /** {@code mutation_update.serialization_type} for Thrift binary. */
    public static final int SERIALIZATION_THRIFT_BINARY = 1;

    private MutationCodec() {}

    public static mutation_data toThrift(Mutation m) {
        mutation_header header = new mutation_header()
                .setPid(gpid.of(m.gpid()))
                .setBallot(m.ballot())
                .setDecree(m.decree())
                .setLog_offset(0)
                .setLast_committed_decree(m.lastCommittedDecree())
                .setTimestamp(m.timestampUs());
        List<mutation_update> updates = new ArrayList<>(m.updates().size());
        for (MutationUpdate u : m.updates()) {
            updates.add(new mutation_update()
                    .setCode(new task_code(u.code()))
                    .setSerialization_type(SERIALIZATION_THRIFT_BINARY)
                    .setData(new blob(u.data())));
        }
        return new mutation_data().setHeader(header).setUpdates(updates);
    }

    /**
     * The core's mutation, with no local requests.
     *
     * @throws IllegalArgumentException when the header is missing or inconsistent
     */
    public static Mutation fromThrift(mutation_data in) {
        mutation_header h = in.getHeader();
        if (h == null || h.getPid() == null) {
            throw new IllegalArgumentException("mutation without a header or gpid");
        }
        List<MutationUpdate> updates = new ArrayList<>();
        if (in.getUpdates() != null) {
            for (mutation_update u : in.getUpdates()) {
                String code = u.getCode() == null ? "" : u.getCode().name();
                if (code.isEmpty() || ReplicationRpcs.RPC_REPLICATION_WRITE_EMPTY.equals(code)) {
                    continue;
                }
                byte[] data = u.getData() == null ? new byte[0] : u.getData().data();
                updates.add(new MutationUpdate(code, data, MutationUpdate.NO_REQUEST));
            }
        }
        return new Mutation(
                h.getPid().toGpid(),
                h.getBallot(),
                h.getDecree(),
                h.getLast_committed_decree(),
                h.getTimestamp(),
                updates);
    }

    /** The private log's record of a mutation. */
    public static byte[] encode(Mutation m) {
        return Thrift.toBytes(toThrift(m));
    }

    /**
     * Reads a private log record.
     *
     * @throws IllegalArgumentException when it does not decode
     */
    public static Mutation decode(byte[] record) {
        return fromThrift(Thrift.fromBytes(record, new mutation_data()));
    }

    /** Several mutations in one blob (the {@code LT_CACHE} learn state). */
    public static byte[] encodeList(List<Mutation> mutations) {
        List<byte[]> records = new ArrayList<>(mutations.size());
        int size = 4;
        for (Mutation m : mutations) {
            byte[] r = encode(m);
            records.add(r);
            size += 4 + r.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(records.size());
        for (byte[] r : records) {
            out.putInt(r.length).put(r);
        }
        return out.array();
    }

    /**
     * Reads {@link #encodeList}'s blob; an empty blob is an empty list.
     *
     * @throws IllegalArgumentException when it does not decode
     */
    public static List<Mutation> decodeList(byte[] bytes) {
        if (bytes.length == 0) {
            return List.of();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int count = in.getInt();
            if (count < 0 || count > bytes.length / 4) {
                throw new IllegalArgumentException("bad mutation count " + count);
            }
            List<Mutation> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] r = new byte[in.getInt()];
                in.get(r);
                out.add(decode(r));
            }
            return out;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot decode a mutation list of " + bytes.length + " bytes", e);
        }
    }
}
