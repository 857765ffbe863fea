package io.enif.replica.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.app_status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReplicaDirTest {
    @TempDir
    Path tmp;

    @Test
    void layoutFollowsPegasus() {
        ReplicaDir dir = ReplicaDir.of(tmp.resolve("replica/reps"), new Gpid(3, 7), "ssd1");
        assertThat(dir.root().getFileName().toString()).isEqualTo("3.7.pegasus");
        assertThat(tmp.relativize(dir.rdbDir()).toString()).isEqualTo("replica/reps/3.7.pegasus/data/rdb");
        assertThat(tmp.relativize(dir.plogDir()).toString()).isEqualTo("replica/reps/3.7.pegasus/plog");
        assertThat(dir.renamed(1234, ReplicaDir.ERR_SUFFIX).getFileName().toString())
                .isEqualTo("3.7.pegasus.1234.err");
        assertThat(ReplicaDir.parse("3.7.pegasus")).contains(new Gpid(3, 7));
        assertThat(ReplicaDir.parse("3.7.pegasus.1234.gar")).isEmpty();
        assertThat(ReplicaDir.parse("x.7.pegasus")).isEmpty();
        assertThat(ReplicaDir.parse("3.7.rocksdb")).isEmpty();
        assertThat(ReplicaDir.parse("0.1.pegasus")).isEmpty();
    }

    @Test
    void appInfoKeepsOnlyTheIngestBehindEnvAndStartsWithTheMagic() throws IOException {
        ReplicaDir dir = ReplicaDir.of(tmp, new Gpid(3, 7), "ssd1");
        Files.createDirectories(dir.root());
        app_info info = new app_info()
                .setStatus(app_status.AS_AVAILABLE)
                .setApp_type("pegasus")
                .setApp_name("orders")
                .setApp_id(3)
                .setPartition_count(8)
                .setMax_replica_count(3)
                .setEnvs(Map.of("rocksdb.allow_ingest_behind", "true", "default_ttl", "100"));
        ReplicaDirFiles.writeAppInfo(dir, info);
        byte[] bytes = Files.readAllBytes(dir.appInfoFile());
        assertThat(ByteBuffer.wrap(bytes).getInt()).isEqualTo(0xdeadbeef);
        app_info read = ReplicaDirFiles.readAppInfo(dir);
        assertThat(read.getApp_name()).isEqualTo("orders");
        assertThat(read.getPartition_count()).isEqualTo(8);
        assertThat(read.getEnvs()).containsOnly(Map.entry("rocksdb.allow_ingest_behind", "true"));

        ReplicaDirFiles.writeInitInfo(dir, 4, 9);
        assertThat(Files.readString(dir.initInfoFile()))
                .contains("\"init_ballot\":4", "\"init_durable_decree\":9", "\"init_offset_in_private_log\":0");

        Files.write(dir.appInfoFile(), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> ReplicaDirFiles.readAppInfo(dir)).isInstanceOf(IOException.class);
    }
}
