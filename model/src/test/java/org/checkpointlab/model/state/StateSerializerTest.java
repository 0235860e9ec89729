package org.checkpointlab.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateSerializerTest {

    @Test
    void everySupportedTypeRoundTripsToAnEqualValue() throws IOException {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("count", 3L);
        map.put(7, List.of("x", "y"));
        map.put(null, null);
        List<Object> values = Arrays.asList(null, 5L, Long.MIN_VALUE, -3, 2.5, Double.NaN, true, false, "",
                "héllo wörld ✓", List.of(1L, "two", List.of()), map, new LinkedHashSet<>(List.of("a", "b")),
                new StateRecord("user-1", 42L, 17L), new StateRecord(null, List.of(1, 2), -1L));
        for (Object value : values) {
            assertThat(StateSerializer.fromBytes(StateSerializer.toBytes(value))).as("%s", value).isEqualTo(value);
        }
    }

    @Test
    void byteArraysRoundTripByContent() throws IOException {
        byte[] bytes = {1, 2, 3, -128, 127};
        assertThat((byte[]) StateSerializer.fromBytes(StateSerializer.toBytes(bytes))).containsExactly(bytes);
        byte[] large = new byte[200_000];
        Arrays.fill(large, (byte) 9);
        assertThat((byte[]) StateSerializer.fromBytes(StateSerializer.toBytes(large))).isEqualTo(large);
    }

    @Test
    void collectionsReadBackAsMutableJavaCollectionsInWrittenOrder() throws IOException {
        Map<String, Integer> sorted = new TreeMap<>(Map.of("b", 2, "a", 1, "c", 3));
        Object map = StateSerializer.fromBytes(StateSerializer.toBytes(sorted));
        assertThat(map).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) map).keySet())).containsExactly("a", "b", "c");
        assertThat(StateSerializer.fromBytes(StateSerializer.toBytes(List.of(1)))).isInstanceOf(ArrayList.class);
        assertThat(StateSerializer.fromBytes(StateSerializer.toBytes(Set.of(1)))).isInstanceOf(LinkedHashSet.class);
    }

    @Test
    void unsupportedType_isRejectedNamingItsClass() {
        Object odd = new Object() { };
        assertThatThrownBy(() -> StateSerializer.toBytes(List.of("fine", new StringBuilder("nope"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder");
        assertThatThrownBy(() -> StateSerializer.sizeOf(odd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(odd.getClass().getName());
    }

    @Test
    void unknownTagTruncationAndTrailingBytes_giveIOExceptionsThatSayWhat() {
        assertThatThrownBy(() -> StateSerializer.fromBytes(new byte[] {99}))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown type tag 99");
        byte[] truncated = Arrays.copyOf(StateSerializer.toBytes("a longer string"), 6);
        assertThatThrownBy(() -> StateSerializer.fromBytes(truncated))
                .isInstanceOf(IOException.class).hasMessageContaining("end in the middle of a value");
        byte[] trailing = Arrays.copyOf(StateSerializer.toBytes(1L), 10);
        assertThatThrownBy(() -> StateSerializer.fromBytes(trailing))
                .isInstanceOf(IOException.class).hasMessageContaining("1 bytes left");
        byte[] negativeLength = {StateSerializer.TAG_LIST, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe};
        assertThatThrownBy(() -> StateSerializer.fromBytes(negativeLength))
                .isInstanceOf(IOException.class).hasMessageContaining("negative list length");
    }

    @Test
    void hugeCorruptLength_failsAtTheEndOfInputInsteadOfAllocatingIt() {
        byte[] bogus = {StateSerializer.TAG_BYTES, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3};
        assertThatThrownBy(() -> StateSerializer.fromBytes(bogus)).isInstanceOf(IOException.class);
    }

    @Test
    void sizeOf_isTheExactSerializedSizeForNumbersAsciiStringsAndTheirContainers() {
        Map<Object, Object> map = new HashMap<>();
        map.put("k", List.of(1L, 2, 3.0, true));
        List<Object> values = List.of(1L, 2, 3.0, false, "ascii", new byte[7], List.of("a", 1L), map,
                Set.of(9), new StateRecord("key", 5L, 1L));
        for (Object value : values) {
            assertThat(StateSerializer.sizeOf(value)).as("%s", value)
                    .isEqualTo(StateSerializer.toBytes(value).length);
        }
    }
}
