package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyGroupStateFormatTest {

    private record Entry(int keyGroup, String state, StateKind kind, Object key, Object value) {
    }

    private static List<Entry> readGroup(KeyGroupStateFormat.Reader reader, int keyGroup) throws IOException {
        List<Entry> entries = new ArrayList<>();
        reader.readKeyGroup(keyGroup, (kg, name, kind, key, value) -> entries.add(new Entry(kg, name, kind, key,
                value)));
        return entries;
    }

    private static byte[] sample() throws IOException {
        KeyGroupStateFormat.Writer writer = KeyGroupStateFormat.writer(new KeyGroupRange(10, 14), 128);
        writer.startKeyGroup(11);
        writer.startState("count", StateKind.VALUE);
        writer.writeEntry("a", 1L);
        writer.writeEntry("b", 2L);
        writer.startState("buffer", StateKind.LIST);
        writer.writeEntry("a", List.of("x", "y"));
        writer.startKeyGroup(13);
        writer.startState("count", StateKind.VALUE);
        writer.writeEntry("c", 3L);
        return writer.finish();
    }

    @Test
    void writtenKeyGroupsReadBackWithStatesKindsAndEntries_andUnwrittenGroupsAreEmpty() throws IOException {
        KeyGroupStateFormat.Reader reader = KeyGroupStateFormat.reader(sample());

        assertThat(reader.keyGroupRange()).isEqualTo(new KeyGroupRange(10, 14));
        assertThat(reader.maxParallelism()).isEqualTo(128);
        assertThat(readGroup(reader, 11)).containsExactly(
                new Entry(11, "count", StateKind.VALUE, "a", 1L),
                new Entry(11, "count", StateKind.VALUE, "b", 2L),
                new Entry(11, "buffer", StateKind.LIST, "a", List.of("x", "y")));
        assertThat(readGroup(reader, 13)).containsExactly(new Entry(13, "count", StateKind.VALUE, "c", 3L));
        for (int empty : new int[] {10, 12, 14}) {
            assertThat(readGroup(reader, empty)).as("key group %d", empty).isEmpty();
        }
    }

    @Test
    void readerJumpsToAKeyGroupWithoutReadingTheOthers() throws IOException {
        KeyGroupStateFormat.Reader reader = KeyGroupStateFormat.reader(sample());
        // reading group 13 first, then 11, works because each section is found through the offset index
        assertThat(readGroup(reader, 13)).hasSize(1);
        assertThat(readGroup(reader, 11)).hasSize(3);
        assertThat(reader.keyGroupBytes(12)).isEqualTo(8); // key group + state count, nothing else
    }

    @Test
    void keyGroupsOutOfOrderOrOutsideTheRange_areRefusedByTheWriter() {
        KeyGroupStateFormat.Writer writer = KeyGroupStateFormat.writer(new KeyGroupRange(0, 3), 4);
        writer.startKeyGroup(2);
        assertThatThrownBy(() -> writer.startKeyGroup(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ascending order");
        assertThatThrownBy(() -> writer.startKeyGroup(4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the range [0..3]");
    }

    @Test
    void unsupportedValue_failsTheWriteNamingStateAndKeyGroup() {
        KeyGroupStateFormat.Writer writer = KeyGroupStateFormat.writer(new KeyGroupRange(0, 3), 4);
        writer.startKeyGroup(1);
        writer.startState("sessions", StateKind.VALUE);
        assertThatThrownBy(() -> writer.writeEntry("k", new Object()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("state 'sessions' in key group 1").hasMessageContaining("java.lang.Object");
    }

    @Test
    void emptyRange_roundTrips() throws IOException {
        byte[] blob = KeyGroupStateFormat.writer(KeyGroupRange.empty(), 128).finish();
        assertThat(KeyGroupStateFormat.reader(blob).keyGroupRange().size()).isZero();
    }

    @Test
    void flippedByte_isACorruptionIOException() throws IOException {
        byte[] blob = sample();
        for (int position : new int[] {25, blob.length / 2, blob.length - 1}) {
            byte[] corrupt = blob.clone();
            corrupt[position] ^= 0x10;
            assertThatThrownBy(() -> KeyGroupStateFormat.reader(corrupt)).as("flip at %d", position)
                    .isInstanceOf(IOException.class).hasMessageContaining("corrupt or truncated");
        }
    }

    @Test
    void truncatedBytes_areAnIOExceptionSayingSo() throws IOException {
        byte[] blob = sample();
        assertThatThrownBy(() -> KeyGroupStateFormat.reader(Arrays.copyOf(blob, blob.length - 3)))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> KeyGroupStateFormat.reader(Arrays.copyOf(blob, 10)))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated: 10 bytes");
        assertThatThrownBy(() -> KeyGroupStateFormat.reader(new byte[0]))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @Test
    void unknownVersion_isRefusedNamingTheVersion() throws IOException {
        byte[] blob = sample();
        blob[7] = 7; // the version int is bytes 4..7
        assertThatThrownBy(() -> KeyGroupStateFormat.reader(blob))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unsupported key-group state format version 7")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void otherBytes_areRefusedAsNotKeyGroupState() throws IOException {
        byte[] operatorState = OperatorStateFormat.write(List.of());
        assertThatThrownBy(() -> KeyGroupStateFormat.reader(Arrays.copyOf(operatorState, 64)))
                .isInstanceOf(IOException.class).hasMessageContaining("not key-group state: bad magic");
    }
}
