package org.checkpointlab.flink.types;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.checkpointlab.flink.FlinkRecord;

/**
 * Flink type information for the translated job: records ({@link FlinkRecordSerializer}) and their keys and values
 * ({@link RecordFieldSerializer}), so that no record goes through Kryo.
 */
public final class RecordTypes {
    /** The records of every stream. */
    public static final TypeInformation<FlinkRecord> RECORD = new Info<>(FlinkRecord.class, FlinkRecordSerializer.INSTANCE,
            "FlinkRecord");
    /** A record's key (keyBy, keyed state) or value (dedup's seen values). */
    public static final TypeInformation<Object> FIELD = new Info<>(Object.class, RecordFieldSerializer.INSTANCE,
            "RecordField");

    private RecordTypes() {
    }

    private static final class Info<T> extends TypeInformation<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final TypeSerializer<T> serializer;
        private final String name;

        Info(Class<T> type, TypeSerializer<T> serializer, String name) {
            this.type = type;
            this.serializer = serializer;
            this.name = name;
        }

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<T> getTypeClass() {
            return type;
        }

        @Override
        public boolean isKeyType() {
            return true;
        }

        @Override
        public TypeSerializer<T> createSerializer(SerializerConfig config) {
            return serializer;
        }

        @Override
        public String toString() {
            return name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Info<?> other && other.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name);
        }

        @Override
        public boolean canEqual(Object o) {
            return o instanceof Info<?>;
        }
    }
}
