package io.enif.storage;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.check_and_set_response;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.multi_remove_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import java.util.Objects;
import org.apache.thrift.TBase;

/**
 * One client write carried by a mutation: the operation and its request struct. A mutation of the replica holds one
 * or more of these, applied together under one decree by {@link PartitionStore#apply(long, java.util.List)}.
 *
 * @param <R> the response struct the operation produces
 */
public sealed interface WriteRequest<R extends TBase<?, ?>>
        permits WriteRequest.Put,
                WriteRequest.Remove,
                WriteRequest.MultiPut,
                WriteRequest.MultiRemove,
                WriteRequest.Incr,
                WriteRequest.CheckAndSet,
                WriteRequest.CheckAndMutate {

    /** {@code RPC_RRDB_RRDB_PUT}: store a value under an encoded key. */
    record Put(update_request request) implements WriteRequest<update_response> {
        public Put {
            Objects.requireNonNull(request, "request");
        }
    }

    /** {@code RPC_RRDB_RRDB_REMOVE}: delete an encoded key. */
    record Remove(blob key) implements WriteRequest<update_response> {
        public Remove {
            Objects.requireNonNull(key, "key");
        }
    }

    /** {@code RPC_RRDB_RRDB_MULTI_PUT}: store several sort keys of one hash key. */
    record MultiPut(multi_put_request request) implements WriteRequest<update_response> {
        public MultiPut {
            Objects.requireNonNull(request, "request");
        }
    }

    /** {@code RPC_RRDB_RRDB_MULTI_REMOVE}: delete several sort keys of one hash key. */
    record MultiRemove(multi_remove_request request) implements WriteRequest<multi_remove_response> {
        public MultiRemove {
            Objects.requireNonNull(request, "request");
        }
    }

    /** {@code RPC_RRDB_RRDB_INCR}: add to a decimal integer value. */
    record Incr(incr_request request) implements WriteRequest<incr_response> {
        public Incr {
            Objects.requireNonNull(request, "request");
        }
    }

    /** {@code RPC_RRDB_RRDB_CHECK_AND_SET}: set a value if a check on another (or the same) sort key passes. */
    record CheckAndSet(check_and_set_request request) implements WriteRequest<check_and_set_response> {
        public CheckAndSet {
            Objects.requireNonNull(request, "request");
        }
    }

    /** {@code RPC_RRDB_RRDB_CHECK_AND_MUTATE}: apply a list of puts and deletes if a check passes. */
    record CheckAndMutate(check_and_mutate_request request) implements WriteRequest<check_and_mutate_response> {
        public CheckAndMutate {
            Objects.requireNonNull(request, "request");
        }
    }
}
