package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;
import static io.enif.proto.rpc.RpcSpec.oneWay;

import io.enif.proto.fd.beacon_ack;
import io.enif.proto.fd.beacon_msg;
import io.enif.proto.nfs.copy_request;
import io.enif.proto.nfs.copy_response;
import io.enif.proto.nfs.get_file_size_request;
import io.enif.proto.nfs.get_file_size_response;
import io.enif.proto.radmin.query_app_info_request;
import io.enif.proto.radmin.query_app_info_response;
import io.enif.proto.radmin.query_replica_decree_request;
import io.enif.proto.radmin.query_replica_decree_response;
import io.enif.proto.radmin.query_replica_info_request;
import io.enif.proto.radmin.query_replica_info_response;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.configuration_update_response;
import io.enif.proto.replication.group_check_request;
import io.enif.proto.replication.group_check_response;
import io.enif.proto.replication.learn_notify_response;
import io.enif.proto.replication.learn_request;
import io.enif.proto.replication.learn_response;
import io.enif.proto.replication.prepare_ack;
import io.enif.proto.replication.prepare_msg;
import io.enif.proto.replication.replica_configuration;
import java.util.List;

/**
 * The internal RPCs of replication, between the meta server and the replica servers and inside a partition's group
 * (spec/internal-rpc.md §6): failure detection, config sync and membership changes, two-phase commit, group check,
 * learning, file copy and meta recovery. No Pegasus tool sends these; Enif servers only talk to Enif servers here.
 */
public final class ReplicationRpcs {
    private static final RpcServer M = RpcServer.META;
    private static final RpcServer R = RpcServer.REPLICA;

    /**
     * Not an RPC: the task code of the empty write a primary prepares to advance the commit point when idle, as the
     * {@code code} of a {@code mutation_update}.
     */
    public static final String RPC_REPLICATION_WRITE_EMPTY = "RPC_REPLICATION_WRITE_EMPTY";

    // ---- replica server <-> meta server ----

    /** The beacon: renews the replica server's lease. */
    public static final RpcSpec RPC_FD_FAILURE_DETECTOR_PING =
            call("RPC_FD_FAILURE_DETECTOR_PING", M, beacon_msg::new, beacon_ack::new);
    /** Config sync: the replica server lists its replicas and learns which it should host. */
    public static final RpcSpec RPC_CM_CONFIG_SYNC = call(
            "RPC_CM_CONFIG_SYNC",
            M,
            configuration_query_by_node_request::new,
            configuration_query_by_node_response::new);
    /** A primary asks the meta server to persist a new configuration of its partition. */
    public static final RpcSpec RPC_CM_UPDATE_PARTITION_CONFIGURATION = call(
            "RPC_CM_UPDATE_PARTITION_CONFIGURATION",
            M,
            configuration_update_request::new,
            configuration_update_response::new);
    /** The meta server orders a membership change; there is no separate proposal struct. */
    public static final RpcSpec RPC_CONFIG_PROPOSAL =
            oneWay("RPC_CONFIG_PROPOSAL", R, configuration_update_request::new);

    // ---- inside a group ----

    /** Enif sends a whole {@code prepare_msg}; Pegasus's C++ replicas use a hand-laid body instead. */
    public static final RpcSpec RPC_PREPARE = call("RPC_PREPARE", R, prepare_msg::new, prepare_ack::new);

    public static final RpcSpec RPC_GROUP_CHECK =
            call("RPC_GROUP_CHECK", R, group_check_request::new, group_check_response::new);
    /** A learner asks its primary for what it lacks. */
    public static final RpcSpec RPC_LEARN = call("RPC_LEARN", R, learn_request::new, learn_response::new);
    /** The primary makes a node a learner (status PS_POTENTIAL_SECONDARY, fresh learner signature). */
    public static final RpcSpec RPC_LEARN_ADD_LEARNER = oneWay("RPC_LEARN_ADD_LEARNER", R, group_check_request::new);
    /** A learner reports that it caught up, with a group_check_response as the report. */
    public static final RpcSpec RPC_LEARN_COMPLETION_NOTIFY =
            call("RPC_LEARN_COMPLETION_NOTIFY", R, group_check_response::new, learn_notify_response::new);
    /** The primary tells a removed member to step out. */
    public static final RpcSpec RPC_REMOVE_REPLICA = oneWay("RPC_REMOVE_REPLICA", R, replica_configuration::new);

    // ---- file copy ----

    public static final RpcSpec RPC_NFS_GET_FILE_SIZE =
            call("RPC_NFS_GET_FILE_SIZE", R, get_file_size_request::new, get_file_size_response::new);
    public static final RpcSpec RPC_NFS_COPY = call("RPC_NFS_COPY", R, copy_request::new, copy_response::new);

    // ---- meta recovery: the meta server asks replica servers what they hold ----

    public static final RpcSpec RPC_QUERY_REPLICA_INFO =
            call("RPC_QUERY_REPLICA_INFO", R, query_replica_info_request::new, query_replica_info_response::new);
    public static final RpcSpec RPC_QUERY_APP_INFO =
            call("RPC_QUERY_APP_INFO", R, query_app_info_request::new, query_app_info_response::new);
    /** Pegasus has a handler but no sender. */
    public static final RpcSpec RPC_QUERY_PN_DECREE =
            call("RPC_QUERY_PN_DECREE", R, query_replica_decree_request::new, query_replica_decree_response::new);

    private static final List<RpcSpec> ALL = List.of(
            RPC_FD_FAILURE_DETECTOR_PING,
            RPC_CM_CONFIG_SYNC,
            RPC_CM_UPDATE_PARTITION_CONFIGURATION,
            RPC_CONFIG_PROPOSAL,
            RPC_PREPARE,
            RPC_GROUP_CHECK,
            RPC_LEARN,
            RPC_LEARN_ADD_LEARNER,
            RPC_LEARN_COMPLETION_NOTIFY,
            RPC_REMOVE_REPLICA,
            RPC_NFS_GET_FILE_SIZE,
            RPC_NFS_COPY,
            RPC_QUERY_REPLICA_INFO,
            RPC_QUERY_APP_INFO,
            RPC_QUERY_PN_DECREE);

    private ReplicationRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
