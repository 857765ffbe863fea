package io.enif.common.error;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RPC-level error names an Enif server may put on the wire.
 *
 * <p>Pegasus carries errors as <em>names</em>, and the official Java client decodes them with {@code Enum.valueOf}:
 * an unknown name closes the connection. This enum therefore lists exactly the names the Java client knows
 * ({@code spec/protocol.md} §5.1) minus the two it only produces itself ({@code ERR_SESSION_RESET} and {@code
 * ERR_THREAD_INTERRUPTED}). Never add a name here that the client does not know; the constant's name is the wire
 * name and must not change.
 */
public enum ErrorCode {
    ERR_OK,
    ERR_UNKNOWN,
    ERR_SERVICE_NOT_FOUND,
    ERR_SERVICE_ALREADY_RUNNING,
    ERR_IO_PENDING,
    ERR_TIMEOUT,
    ERR_SERVICE_NOT_ACTIVE,
    ERR_BUSY,
    ERR_NETWORK_INIT_FAILED,
    ERR_FORWARD_TO_OTHERS,
    ERR_OBJECT_NOT_FOUND,
    ERR_HANDLER_NOT_FOUND,
    ERR_LEARN_FILE_FAILED,
    ERR_GET_LEARN_STATE_FAILED,
    ERR_INVALID_VERSION,
    ERR_INVALID_PARAMETERS,
    ERR_CAPACITY_EXCEEDED,
    ERR_INVALID_STATE,
    ERR_INACTIVE_STATE,
    ERR_NOT_ENOUGH_MEMBER,
    ERR_FILE_OPERATION_FAILED,
    ERR_HANDLE_EOF,
    ERR_WRONG_CHECKSUM,
    ERR_INVALID_DATA,
    ERR_INVALID_HANDLE,
    ERR_INCOMPLETE_DATA,
    ERR_VERSION_OUTDATED,
    ERR_PATH_NOT_FOUND,
    ERR_PATH_ALREADY_EXIST,
    ERR_ADDRESS_ALREADY_USED,
    ERR_STATE_FREEZED,
    ERR_LOCAL_APP_FAILURE,
    ERR_BIND_IOCP_FAILED,
    ERR_NETWORK_START_FAILED,
    ERR_NOT_IMPLEMENTED,
    ERR_CHECKPOINT_FAILED,
    ERR_WRONG_TIMING,
    ERR_NO_NEED_OPERATE,
    ERR_CORRUPTION,
    ERR_TRY_AGAIN,
    ERR_CLUSTER_NOT_FOUND,
    ERR_CLUSTER_ALREADY_EXIST,
    ERR_SERVICE_ALREADY_EXIST,
    ERR_INJECTED,
    ERR_REPLICATION_FAILURE,
    ERR_APP_EXIST,
    ERR_APP_NOT_EXIST,
    ERR_BUSY_CREATING,
    ERR_BUSY_DROPPING,
    ERR_NETWORK_FAILURE,
    ERR_UNDER_RECOVERY,
    ERR_LEARNER_NOT_FOUND,
    ERR_OPERATION_DISABLED,
    ERR_EXPIRED,
    ERR_LOCK_ALREADY_EXIST,
    ERR_HOLD_BY_OTHERS,
    ERR_RECURSIVE_LOCK,
    ERR_NO_OWNER,
    ERR_NODE_ALREADY_EXIST,
    ERR_INCONSISTENT_STATE,
    ERR_ARRAY_INDEX_OUT_OF_RANGE,
    ERR_DIR_NOT_EMPTY,
    ERR_FS_INTERNAL,
    ERR_IGNORE_BAD_DATA,
    ERR_APP_DROPPED,
    ERR_MOCK_INTERNAL,
    ERR_ZOOKEEPER_OPERATION,
    ERR_CHILD_REGISTERED,
    ERR_INGESTION_FAILED,
    ERR_UNAUTHENTICATED,
    ERR_KRB5_INTERNAL,
    ERR_SASL_INTERNAL,
    ERR_SASL_INCOMPLETE,
    ERR_ACL_DENY,
    ERR_SPLITTING,
    ERR_PARENT_PARTITION_MISUSED,
    ERR_CHILD_NOT_READY,
    ERR_DISK_INSUFFICIENT;

    private static final Map<String, ErrorCode> BY_NAME = new HashMap<>();

    static {
        for (ErrorCode code : values()) {
            BY_NAME.put(code.name(), code);
        }
    }

    /** The name written on the wire, e.g. {@code "ERR_OK"}. */
    public String wireName() {
        return name();
    }

    /** Whether this is {@link #ERR_OK}. */
    public boolean isOk() {
        return this == ERR_OK;
    }

    /** The code with this wire name, or empty when Enif never sends such a name. */
    public static Optional<ErrorCode> fromWireName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
