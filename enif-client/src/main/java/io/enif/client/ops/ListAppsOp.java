package io.enif.client.ops;

import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.layer2.app_status;
import io.enif.proto.rpc.MetaRpcs;

/** {@code RPC_CM_LIST_APPS}: the available tables, or every table still known (dropped ones included). */
public final class ListAppsOp extends MetaOp<configuration_list_apps_response> {
    private final boolean onlyAvailable;

    public ListAppsOp(boolean onlyAvailable) {
        super(MetaRpcs.RPC_CM_LIST_APPS);
        this.onlyAvailable = onlyAvailable;
    }

    @Override
    public String name() {
        return "list_apps";
    }

    @Override
    public ArgsField args() {
        configuration_list_apps_request request = new configuration_list_apps_request();
        request.status = onlyAvailable ? app_status.AS_AVAILABLE : app_status.AS_INVALID;
        return ArgsField.struct(request);
    }

    @Override
    public String err(configuration_list_apps_response response) {
        return name(response.err);
    }
}
