package io.enif.storage.op;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.batch_get_response;
import io.enif.proto.rrdb.check_and_mutate_response;
import io.enif.proto.rrdb.check_and_set_response;
import io.enif.proto.rrdb.count_response;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.proto.rrdb.multi_remove_response;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.scan_response;
import io.enif.proto.rrdb.ttl_response;
import io.enif.proto.rrdb.update_response;
import java.util.ArrayList;
import java.util.Objects;

/**
 * The fields every rrdb response carries besides its result: {@code app_id}, {@code partition_index} and
 * {@code server} ({@code "host:port"}). Each factory method returns a response with those filled, the error set to 0
 * and every list and blob the client dereferences non-null ({@code protocol.md} §3.4).
 *
 * @param appId the table id
 * @param partitionIndex the partition index
 * @param server this replica server's address, {@code host:port}
 */
public record ResponseHeader(int appId, int partitionIndex, String server) {

    public ResponseHeader {
        Objects.requireNonNull(server, "server");
    }

    public update_response update(long decree) {
        update_response r = new update_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.decree = decree;
        return r;
    }

    public multi_remove_response multiRemove(long decree) {
        multi_remove_response r = new multi_remove_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.decree = decree;
        return r;
    }

    public incr_response incr(long decree) {
        incr_response r = new incr_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.decree = decree;
        return r;
    }

    public check_and_set_response checkAndSet(long decree) {
        check_and_set_response r = new check_and_set_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.decree = decree;
        r.check_value = new blob();
        return r;
    }

    public check_and_mutate_response checkAndMutate(long decree) {
        check_and_mutate_response r = new check_and_mutate_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.decree = decree;
        r.check_value = new blob();
        return r;
    }

    public read_response read() {
        read_response r = new read_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.value = new blob();
        return r;
    }

    public ttl_response ttl() {
        ttl_response r = new ttl_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        return r;
    }

    public count_response count() {
        count_response r = new count_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        return r;
    }

    public multi_get_response multiGet() {
        multi_get_response r = new multi_get_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.kvs = new ArrayList<>();
        return r;
    }

    public batch_get_response batchGet() {
        batch_get_response r = new batch_get_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.data = new ArrayList<>();
        return r;
    }

    /** A scan response; its context id starts as -1 (completed). */
    public scan_response scan() {
        scan_response r = new scan_response();
        r.app_id = appId;
        r.partition_index = partitionIndex;
        r.server = server;
        r.kvs = new ArrayList<>();
        r.context_id = -1;
        return r;
    }
}
