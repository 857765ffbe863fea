package io.enif.proto.base;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

/** Pegasus's {@code task_code}: an RPC's task-code name, written as a Thrift string. */
@SuppressWarnings("checkstyle:TypeName")
public final class task_code extends RawValue<task_code> {
    private static final long serialVersionUID = 1L;

    private String name;

    public task_code() {
        this.name = "";
    }

    public task_code(String name) {
        this.name = name;
    }

    public task_code(task_code other) {
        this.name = other.name;
    }

    public String name() {
        return name;
    }

    @Override
    public void read(TProtocol in) throws TException {
        name = in.readString();
    }

    @Override
    public void write(TProtocol out) throws TException {
        out.writeString(name);
    }

    @Override
    public task_code deepCopy() {
        return new task_code(this);
    }

    @Override
    public void clear() {
        name = "";
    }

    @Override
    public int compareTo(task_code other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof task_code other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
