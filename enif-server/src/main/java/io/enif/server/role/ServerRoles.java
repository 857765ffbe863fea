package io.enif.server.role;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The server roles the launcher knows, by name. */
public final class ServerRoles {
    /** The name the replica server's role will have; the onebox starts replicas only when it is present. */
    public static final String REPLICA = "replica";

    /** The meta server's role name. */
    public static final String META = "meta";

    private final List<ServerRole> roles;

    private ServerRoles(List<ServerRole> roles) {
        List<ServerRole> sorted = new ArrayList<>(roles);
        sorted.sort(Comparator.comparing(ServerRole::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalStateException(
                        "two server roles are named " + sorted.get(i).name());
            }
        }
        this.roles = List.copyOf(sorted);
    }

    /** Every role listed in {@code META-INF/services/io.enif.server.role.ServerRole} on the class path. */
    public static ServerRoles discover() {
        List<ServerRole> found = new ArrayList<>();
        ServiceLoader.load(ServerRole.class, Thread.currentThread().getContextClassLoader())
                .forEach(found::add);
        return new ServerRoles(found);
    }

    /** Exactly these roles (tests). */
    public static ServerRoles of(ServerRole... roles) {
        return new ServerRoles(List.of(roles));
    }

    /** The roles, sorted by name. */
    public List<ServerRole> all() {
        return roles;
    }

    /** The role named {@code name}. */
    public Optional<ServerRole> find(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
