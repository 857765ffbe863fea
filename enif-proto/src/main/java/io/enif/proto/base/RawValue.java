package io.enif.proto.base;

import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.protocol.TProtocol;

/**
 * The common part of Pegasus's placeholder types: values that the IDL declares as empty structs but that are written
 * on the wire as a raw value (no field headers, no STOP byte) after a STRUCT-tagged field header.
 *
 * <p>Generated Thrift code calls {@link #read}, {@link #write}, {@link #deepCopy}, {@code equals}, {@code hashCode}
 * and {@code compareTo} on these types; the field-reflection methods of {@link TBase} have no fields to reflect.
 *
 * @param <T> the concrete placeholder type
 */
public abstract class RawValue<T extends RawValue<T>> implements TBase<T, RawValue.NoField> {
    private static final long serialVersionUID = 1L;

    /** Placeholder types have no Thrift fields. */
    public enum NoField implements TFieldIdEnum {
        ;

        @Override
        public short getThriftFieldId() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getFieldName() {
            throw new UnsupportedOperationException();
        }
    }

    @Override
    public abstract void read(TProtocol in) throws TException;

    @Override
    public abstract void write(TProtocol out) throws TException;

    /** Generated code validates nested structs before writing them; a raw value is always valid. */
    public void validate() {}

    @Override
    public NoField fieldForId(int fieldId) {
        return null;
    }

    @Override
    public boolean isSet(NoField field) {
        return false;
    }

    @Override
    public Object getFieldValue(NoField field) {
        throw new IllegalArgumentException("placeholder types have no fields");
    }

    @Override
    public void setFieldValue(NoField field, Object value) {
        throw new IllegalArgumentException("placeholder types have no fields");
    }
}
