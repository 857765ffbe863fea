package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;
import static io.enif.proto.rpc.RpcSpec.oneWay;

import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.backup.backup_clear_request;
import io.enif.proto.backup.backup_request;
import io.enif.proto.backup.backup_response;
import io.enif.proto.backup.configuration_add_backup_policy_request;
import io.enif.proto.backup.configuration_add_backup_policy_response;
import io.enif.proto.backup.configuration_modify_backup_policy_request;
import io.enif.proto.backup.configuration_modify_backup_policy_response;
import io.enif.proto.backup.configuration_query_backup_policy_request;
import io.enif.proto.backup.configuration_query_backup_policy_response;
import io.enif.proto.backup.configuration_query_restore_request;
import io.enif.proto.backup.configuration_query_restore_response;
import io.enif.proto.backup.configuration_report_restore_status_request;
import io.enif.proto.backup.configuration_report_restore_status_response;
import io.enif.proto.backup.configuration_restore_request;
import io.enif.proto.backup.query_backup_status_request;
import io.enif.proto.backup.query_backup_status_response;
import io.enif.proto.backup.start_backup_app_request;
import io.enif.proto.backup.start_backup_app_response;
import java.util.List;

/** Cold backup and restore: the admin RPCs of the meta server and the RPCs between servers. */
public final class BackupRpcs {
    private static final RpcServer M = RpcServer.META;
    private static final RpcServer R = RpcServer.REPLICA;

    public static final RpcSpec RPC_CM_ADD_BACKUP_POLICY = call(
            "RPC_CM_ADD_BACKUP_POLICY",
            M,
            configuration_add_backup_policy_request::new,
            configuration_add_backup_policy_response::new);
    public static final RpcSpec RPC_CM_QUERY_BACKUP_POLICY = call(
            "RPC_CM_QUERY_BACKUP_POLICY",
            M,
            configuration_query_backup_policy_request::new,
            configuration_query_backup_policy_response::new);
    public static final RpcSpec RPC_CM_MODIFY_BACKUP_POLICY = call(
            "RPC_CM_MODIFY_BACKUP_POLICY",
            M,
            configuration_modify_backup_policy_request::new,
            configuration_modify_backup_policy_response::new);
    public static final RpcSpec RPC_CM_START_BACKUP_APP =
            call("RPC_CM_START_BACKUP_APP", M, start_backup_app_request::new, start_backup_app_response::new);
    public static final RpcSpec RPC_CM_QUERY_BACKUP_STATUS =
            call("RPC_CM_QUERY_BACKUP_STATUS", M, query_backup_status_request::new, query_backup_status_response::new);
    /** Restoring creates a table, so the reply is a create-app response. */
    public static final RpcSpec RPC_CM_START_RESTORE =
            call("RPC_CM_START_RESTORE", M, configuration_restore_request::new, configuration_create_app_response::new);

    public static final RpcSpec RPC_CM_QUERY_RESTORE_STATUS = call(
            "RPC_CM_QUERY_RESTORE_STATUS",
            M,
            configuration_query_restore_request::new,
            configuration_query_restore_response::new);

    // ---- between servers ----

    /** Meta server -> primary with a reply; Pegasus's primary forwards it to its secondaries one-way. */
    public static final RpcSpec RPC_COLD_BACKUP = call("RPC_COLD_BACKUP", R, backup_request::new, backup_response::new);

    public static final RpcSpec RPC_CLEAR_COLD_BACKUP = oneWay("RPC_CLEAR_COLD_BACKUP", R, backup_clear_request::new);
    public static final RpcSpec RPC_CM_REPORT_RESTORE_STATUS = call(
            "RPC_CM_REPORT_RESTORE_STATUS",
            M,
            configuration_report_restore_status_request::new,
            configuration_report_restore_status_response::new);

    private static final List<RpcSpec> ALL = List.of(
            RPC_CM_ADD_BACKUP_POLICY,
            RPC_CM_QUERY_BACKUP_POLICY,
            RPC_CM_MODIFY_BACKUP_POLICY,
            RPC_CM_START_BACKUP_APP,
            RPC_CM_QUERY_BACKUP_STATUS,
            RPC_CM_START_RESTORE,
            RPC_CM_QUERY_RESTORE_STATUS,
            RPC_COLD_BACKUP,
            RPC_CLEAR_COLD_BACKUP,
            RPC_CM_REPORT_RESTORE_STATUS);

    private BackupRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
