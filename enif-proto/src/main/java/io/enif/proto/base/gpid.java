package io.enif.proto.base;

import io.enif.common.Gpid;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

/** Pegasus's {@code gpid} on the wire: one i64, {@code (partition_index << 32) | app_id}. */
@SuppressWarnings("checkstyle:TypeName")
public final class gpid extends RawValue<gpid> {
    private static final long serialVersionUID = 1L;

    private int appId;
    private int partitionIndex;

    public gpid() {}

    public gpid(int appId, int partitionIndex) {
        this.appId = appId;
        this.partitionIndex = partitionIndex;
    }

    public gpid(gpid other) {
        this(other.appId, other.partitionIndex);
    }

    public static gpid of(Gpid id) {
        return new gpid(id.appId(), id.partitionIndex());
    }

    public Gpid toGpid() {
        return new Gpid(appId, partitionIndex);
    }

    public int appId() {
        return appId;
    }

    public int partitionIndex() {
        return partitionIndex;
    }

    @Override
    public void read(TProtocol in) throws TException {
        Gpid id = Gpid.fromLong(in.readI64());
        appId = id.appId();
        partitionIndex = id.partitionIndex();
    }

    @Override
    public void write(TProtocol out) throws TException {
        out.writeI64(toGpid().toLong());
    }

    @Override
    public gpid deepCopy() {
        return new gpid(this);
    }

    @Override
    public void clear() {
        appId = 0;
        partitionIndex = 0;
    }

    @Override
    public int compareTo(gpid other) {
        return toGpid().compareTo(other.toGpid());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof gpid other && appId == other.appId && partitionIndex == other.partitionIndex;
    }

    @Override
    public int hashCode() {
        return 31 * appId + partitionIndex;
    }

    @Override
    public String toString() {
        return appId + "." + partitionIndex;
    }
}
