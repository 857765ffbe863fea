package io.enif.client.ops;

import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.create_app_options;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.MetaRpcs;
import java.util.HashMap;
import java.util.Map;

/** {@code RPC_CM_CREATE_APP}: creates a stateful "pegasus" table. */
public final class CreateAppOp extends MetaOp<configuration_create_app_response> {
    private final configuration_create_app_request request;

    public CreateAppOp(
            String appName, int partitionCount, int replicaCount, Map<String, String> envs, boolean successIfExist) {
        super(MetaRpcs.RPC_CM_CREATE_APP);
        create_app_options options = new create_app_options();
        options.partition_count = partitionCount;
        options.replica_count = replicaCount;
        options.success_if_exist = successIfExist;
        options.app_type = "pegasus";
        options.is_stateful = true;
        options.envs = new HashMap<>(envs);
        this.request = new configuration_create_app_request(appName, options);
    }

    @Override
    public String name() {
        return "create_app(" + request.app_name + ")";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public String err(configuration_create_app_response response) {
        return name(response.err);
    }
}
