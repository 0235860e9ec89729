package org.checkpointlab.flink.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.checkpointlab.flink.FlinkRecord;
import org.junit.jupiter.api.Test;

/** Records and their fields survive serialization with their types; anything else is refused by name. */
class FlinkRecordSerializerTest {

    @Test
    void recordsRoundTripWithTheirFieldTypes() throws IOException {
        FlinkRecord[] records = {new FlinkRecord(7L, 42L, 3), new FlinkRecord(null, "the barrier aligns", 9),
            new FlinkRecord("word", 1L, Long.MAX_VALUE), new FlinkRecord("x".repeat(70_000), null, 0)};
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (FlinkRecord r : records) {
            FlinkRecordSerializer.INSTANCE.serialize(r, out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (FlinkRecord r : records) {
            FlinkRecord back = FlinkRecordSerializer.INSTANCE.deserialize(in);
            assertThat(back).isEqualTo(r);
            assertThat(back.key == null ? null : back.key.getClass()).isEqualTo(r.key == null ? null : r.key.getClass());
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void aLongKeyStaysDistinctFromTheSameDigitsAsText() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        RecordFieldSerializer.INSTANCE.serialize(1L, out);
        RecordFieldSerializer.INSTANCE.serialize("1", out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(RecordFieldSerializer.INSTANCE.deserialize(in)).isEqualTo(1L);
        assertThat(RecordFieldSerializer.INSTANCE.deserialize(in)).isEqualTo("1");
    }

    @Test
    void anotherFieldTypeIsRefusedByName() {
        assertThatThrownBy(() -> RecordFieldSerializer.INSTANCE.serialize(1.5, new DataOutputSerializer(8)))
                .isInstanceOf(IOException.class).hasMessageContaining("java.lang.Double");
    }
}
