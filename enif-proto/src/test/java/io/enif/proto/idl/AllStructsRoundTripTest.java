package io.enif.proto.idl;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.base.RawValue;
import java.io.File;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.thrift.TBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated struct, with every field set (placeholder types inside lists, sets and map keys included), reads
 * back equal to what was written, and an empty one does too.
 */
@Timeout(30)
class AllStructsRoundTripTest {
    private static final List<String> GENERATED_PACKAGES = List.of(
            "admin",
            "layer2",
            "rrdb",
            "replication",
            "fd",
            "nfs",
            "cmd",
            "security",
            "radmin",
            "backup",
            "bulkload",
            "duplication",
            "split");

    static Stream<Class<? extends TBase<?, ?>>> generatedStructs() {
        List<Class<? extends TBase<?, ?>>> structs = new ArrayList<>();
        for (String pkg : GENERATED_PACKAGES) {
            structs.addAll(structsIn("io.enif.proto." + pkg));
        }
        return structs.stream();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends TBase<?, ?>>> structsIn(String pkg) {
        URL url = AllStructsRoundTripTest.class.getClassLoader().getResource(pkg.replace('.', '/'));
        assertThat(url).as("package %s on the class path", pkg).isNotNull();
        File[] files;
        try {
            files = new File(url.toURI()).listFiles((dir, name) -> name.endsWith(".class") && !name.contains("$"));
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        List<Class<? extends TBase<?, ?>>> structs = new ArrayList<>();
        for (File file : files) {
            String name = pkg + "." + file.getName().replace(".class", "");
            Class<?> type;
            try {
                type = Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            if (TBase.class.isAssignableFrom(type)
                    && !RawValue.class.isAssignableFrom(type)
                    && !Modifier.isAbstract(type.getModifiers())) {
                structs.add((Class<? extends TBase<?, ?>>) type);
            }
        }
        return structs;
    }

    @Test
    void findsTheGeneratedStructsOfEveryIdlFile() {
        List<String> names = generatedStructs().map(Class::getSimpleName).toList();
        assertThat(names)
                .contains(
                        "query_cfg_response",
                        "configuration_list_nodes_response",
                        "configuration_update_request",
                        "prepare_msg",
                        "beacon_msg",
                        "copy_request",
                        "command",
                        "negotiation_request",
                        "query_disk_info_response",
                        "backup_request",
                        "bulk_load_response",
                        "duplication_sync_request",
                        "register_child_request")
                .hasSizeGreaterThan(180);
    }

    @ParameterizedTest
    @MethodSource("generatedStructs")
    void filledStructReadsBackEqual(Class<? extends TBase<?, ?>> type) {
        TBase<?, ?> filled = StructFiller.filled(type);

        TBase<?, ?> read = Wire.roundTrip(filled);

        assertThat(read).isEqualTo(filled).hasSameHashCodeAs(filled);
        assertThat(read.deepCopy()).isEqualTo(filled);
    }

    @ParameterizedTest
    @MethodSource("generatedStructs")
    void emptyStructReadsBackEqual(Class<? extends TBase<?, ?>> type) {
        TBase<?, ?> empty = Wire.newInstance(type);

        assertThat(Wire.roundTrip(empty)).isEqualTo(empty);
    }
}
