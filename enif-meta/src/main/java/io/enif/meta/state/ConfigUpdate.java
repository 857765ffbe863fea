package io.enif.meta.state;

import io.enif.common.HostPort;
import java.util.Objects;

/**
 * A configuration change to persist: the new configuration, the kind of change and the node it is about (the core of
 * Pegasus's {@code configuration_update_request}).
 *
 * @param config the configuration after the change (ballot already bumped)
 * @param type the change
 * @param node the node the change is about
 */
public record ConfigUpdate(PartitionConfig config, ConfigType type, HostPort node) {

    public ConfigUpdate {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
    }

    /** The update that applies {@code type} about {@code node} to {@code before}. */
    public static ConfigUpdate of(PartitionConfig before, ConfigType type, HostPort node) {
        return new ConfigUpdate(PartitionConfigChanges.apply(before, type, node), type, node);
    }
}
