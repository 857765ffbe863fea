package io.enif.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.server.FakeReplicaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ServerRolesTest {

    @Test
    void discoveryFindsTheMetaRole() {
        ServerRoles roles = ServerRoles.discover();
        assertThat(roles.find(ServerRoles.META)).get().isInstanceOf(MetaRole.class);
        assertThat(roles.find("nope")).isEmpty();
    }

    @Test
    void rolesAreSortedByNameAndUniquelyNamed() {
        ServerRoles roles = ServerRoles.of(new FakeReplicaRole(), new MetaRole());
        assertThat(roles.all()).extracting(ServerRole::name).containsExactly("meta", "replica");
        assertThatThrownBy(() -> ServerRoles.of(new MetaRole(), new MetaRole()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("meta");
    }
}
