package org.checkpointlab.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.streamrecord.StreamRecord;

class ChannelStateWriterTest {
    private final ChannelStateWriter writer = new ChannelStateWriter("count", 1, 3);

    private static Buffer buffer(long... values) {
        StreamRecord[] records = new StreamRecord[values.length + 2]; // spare room, as a real buffer's array has
        for (int i = 0; i < values.length; i++) {
            records[i] = new StreamRecord("k", values[i], values[i]);
        }
        return new Buffer(records, values.length);
    }

    private static List<Object> values(List<StreamRecord> records) {
        return records.stream().map(StreamRecord::value).toList();
    }

    @Test
    void aChannelPersistsItsBuffersOnlyBetweenStartAndItsOwnBarrier() {
        ChannelStateWriter.WriteResult r = writer.start(7);
        writer.addInputData(2, buffer(1));         // not persisting yet
        writer.startPersisting(2, r);
        writer.addInputData(2, buffer(2, 3));
        writer.addInputData(0, buffer(4));         // another channel, not persisting
        writer.stopPersisting(2, 6);               // a barrier of another checkpoint changes nothing
        writer.addInputData(2, buffer(5));
        writer.stopPersisting(2, 7);
        writer.addInputData(2, buffer(6));

        String key = TaskStateSnapshot.channelKey("count", 1, 2);
        assertThat(r.inputInFlight()).containsOnlyKeys(key);
        assertThat(values(r.inputInFlight().get(key))).containsExactly(2L, 3L, 5L);
        assertThat(r.persistedBytes()).isEqualTo(buffer(2, 3).estimatedBytes() + buffer(5).estimatedBytes());
    }

    @Test
    void theUnprocessedRestOfABufferIsPersistedFromItsPosition() {
        ChannelStateWriter.WriteResult r = writer.start(3);
        Buffer b = buffer(10, 11, 12, 13);
        writer.addInputData(r, 0, b.array(), 2, b.size());
        assertThat(values(r.inputInFlight().get(TaskStateSnapshot.channelKey("count", 1, 0))))
                .containsExactly(12L, 13L);
    }

    @Test
    void anAbortedCheckpointStopsEveryChannelPersistingForIt_andCompletesItsData() {
        ChannelStateWriter.WriteResult aborted = writer.start(4);
        ChannelStateWriter.WriteResult other = writer.start(5);
        writer.startPersisting(0, aborted);
        writer.startPersisting(1, other);

        writer.abort(aborted);
        writer.addInputData(0, buffer(1));
        writer.addInputData(1, buffer(2));

        assertThat(aborted.done()).isCompleted();
        assertThat(aborted.inputInFlight()).isEmpty();
        assertThat(other.done()).isNotCompleted();
        assertThat(other.inputInFlight()).hasSize(1);
    }
}
