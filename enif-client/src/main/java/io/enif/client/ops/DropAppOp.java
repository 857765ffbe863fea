package io.enif.client.ops;

import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_drop_app_response;
import io.enif.proto.admin.drop_app_options;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.MetaRpcs;

/** {@code RPC_CM_DROP_APP}: drops a table, succeeding when it does not exist. */
public final class DropAppOp extends MetaOp<configuration_drop_app_response> {
    private final configuration_drop_app_request request;

    /** @param reserveSeconds how long the dropped data is kept (0 = the cluster's default) */
    public DropAppOp(String appName, long reserveSeconds) {
        super(MetaRpcs.RPC_CM_DROP_APP);
        drop_app_options options = new drop_app_options();
        options.success_if_not_exist = true;
        if (reserveSeconds > 0) {
            options.setReserve_seconds(reserveSeconds);
        }
        this.request = new configuration_drop_app_request(appName, options);
    }

    @Override
    public String name() {
        return "drop_app(" + request.app_name + ")";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(request);
    }

    @Override
    public String err(configuration_drop_app_response response) {
        return name(response.err);
    }
}
