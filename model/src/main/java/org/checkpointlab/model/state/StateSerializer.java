package org.checkpointlab.model.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binary encoding of the values keyed and operator state may hold, used by checkpoints and savepoints of every
 * state backend. Each value is a one-byte type tag followed by its payload (big-endian, as {@link DataOutput}):
 *
 * <table>
 * <caption>Type tags</caption>
 * <tr><th>tag</th><th>type</th><th>payload</th></tr>
 * <tr><td>0</td><td>null</td><td>none</td></tr>
 * <tr><td>1</td><td>{@link Long}</td><td>8 bytes</td></tr>
 * <tr><td>2</td><td>{@link Integer}</td><td>4 bytes</td></tr>
 * <tr><td>3</td><td>{@link Double}</td><td>8 bytes (IEEE 754 bits)</td></tr>
 * <tr><td>4 / 5</td><td>{@link Boolean} false / true</td><td>none</td></tr>
 * <tr><td>6</td><td>{@link String}</td><td>int byte length, UTF-8 bytes</td></tr>
 * <tr><td>7</td><td>{@code byte[]}</td><td>int length, bytes</td></tr>
 * <tr><td>8</td><td>{@link List}</td><td>int size, elements</td></tr>
 * <tr><td>9</td><td>{@link Map}</td><td>int size, key and value of each entry</td></tr>
 * <tr><td>10</td><td>{@link Set}</td><td>int size, elements</td></tr>
 * <tr><td>11</td><td>{@link StateRecord}</td><td>key, value, long seq</td></tr>
 * </table>
 *
 * <p>Lists read back as {@link ArrayList}, maps as {@link LinkedHashMap} and sets as {@link LinkedHashSet}, in the
 * order they were written. Any other type is refused with an {@link IllegalArgumentException} naming its class.
 * Stateless; safe from any thread.
 */
public final class StateSerializer {

    static final int TAG_NULL = 0;
    static final int TAG_LONG = 1;
    static final int TAG_INT = 2;
    static final int TAG_DOUBLE = 3;
    static final int TAG_FALSE = 4;
    static final int TAG_TRUE = 5;
    static final int TAG_STRING = 6;
    static final int TAG_BYTES = 7;
    static final int TAG_LIST = 8;
    static final int TAG_MAP = 9;
    static final int TAG_SET = 10;
    static final int TAG_RECORD = 11;

    /** Byte arrays longer than this are read in chunks, so a corrupt length cannot allocate gigabytes. */
    private static final int READ_CHUNK = 1 << 16;

    private StateSerializer() {
    }

    /** Writes {@code value} with its type tag. */
    public static void write(DataOutput out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(TAG_NULL);
        } else if (value instanceof Long l) {
            out.writeByte(TAG_LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeByte(TAG_INT);
            out.writeInt(i);
        } else if (value instanceof Double d) {
            out.writeByte(TAG_DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TAG_TRUE : TAG_FALSE);
        } else if (value instanceof String s) {
            out.writeByte(TAG_STRING);
            writeString(out, s);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(TAG_BYTES);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof List<?> list) {
            out.writeByte(TAG_LIST);
            writeElements(out, list);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(TAG_MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey());
                write(out, e.getValue());
            }
        } else if (value instanceof Set<?> set) {
            out.writeByte(TAG_SET);
            writeElements(out, set);
        } else if (value instanceof StateRecord r) {
            out.writeByte(TAG_RECORD);
            write(out, r.key());
            write(out, r.value());
            out.writeLong(r.seq());
        } else {
            throw unsupported(value);
        }
    }

    /**
     * Reads one value written by {@link #write}.
     *
     * @throws IOException on an unknown type tag, a negative length, or when the input ends early
     */
    public static Object read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case TAG_NULL:
                return null;
            case TAG_LONG:
                return in.readLong();
            case TAG_INT:
                return in.readInt();
            case TAG_DOUBLE:
                return in.readDouble();
            case TAG_FALSE:
                return Boolean.FALSE;
            case TAG_TRUE:
                return Boolean.TRUE;
            case TAG_STRING:
                return readString(in);
            case TAG_BYTES:
                return readBytes(in, readLength(in, "byte array"));
            case TAG_LIST: {
                int size = readLength(in, "list");
                List<Object> list = new ArrayList<>(Math.min(size, 1024));
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                return list;
            }
            case TAG_MAP: {
                int size = readLength(in, "map");
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    Object key = read(in);
                    map.put(key, read(in));
                }
                return map;
            }
            case TAG_SET: {
                int size = readLength(in, "set");
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(read(in));
                }
                return set;
            }
            case TAG_RECORD: {
                Object key = read(in);
                Object value = read(in);
                return new StateRecord(key, value, in.readLong());
            }
            default:
                throw new IOException("corrupt state value: unknown type tag " + tag);
        }
    }

    /** Serializes one value into a new array. */
    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try {
            write(new DataOutputStream(bytes), value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads one value from an array written by {@link #toBytes}; trailing bytes are an error. */
    public static Object fromBytes(byte[] bytes) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        Object value;
        try {
            value = read(new DataInputStream(in));
        } catch (EOFException e) {
            throw new IOException("corrupt state value: " + bytes.length + " bytes end in the middle of a value", e);
        }
        if (in.available() > 0) {
            throw new IOException("corrupt state value: " + in.available() + " bytes left after the value");
        }
        return value;
    }

    /** Whether {@link #write} accepts this object's class (not looking inside collections). */
    public static boolean isSupportedType(Object value) {
        return value == null || value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof Boolean || value instanceof String || value instanceof byte[]
                || value instanceof List || value instanceof Map || value instanceof Set
                || value instanceof StateRecord;
    }

    /**
     * An estimate of the serialized size in bytes, for display. Exact for numbers and ASCII strings; counts one
     * byte per char otherwise. Walks collections, so it costs as much as their size.
     *
     * @throws IllegalArgumentException for a type {@link #write} refuses
     */
    public static long sizeOf(Object value) {
        if (value == null || value instanceof Boolean) {
            return 1;
        } else if (value instanceof Long || value instanceof Double) {
            return 9;
        } else if (value instanceof Integer) {
            return 5;
        } else if (value instanceof String s) {
            return 5 + s.length();
        } else if (value instanceof byte[] bytes) {
            return 5 + bytes.length;
        } else if (value instanceof Collection<?> c) {
            long size = 5;
            for (Object element : c) {
                size += sizeOf(element);
            }
            return size;
        } else if (value instanceof Map<?, ?> map) {
            long size = 5;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += sizeOf(e.getKey()) + sizeOf(e.getValue());
            }
            return size;
        } else if (value instanceof StateRecord r) {
            return 9 + sizeOf(r.key()) + sizeOf(r.value());
        }
        throw unsupported(value);
    }

    /** Writes a string as int byte length + UTF-8 bytes (no 64 KiB limit, unlike {@code writeUTF}). */
    static void writeString(DataOutput out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInput in) throws IOException {
        return new String(readBytes(in, readLength(in, "string")), StandardCharsets.UTF_8);
    }

    private static void writeElements(DataOutput out, Collection<?> elements) throws IOException {
        out.writeInt(elements.size());
        int written = 0;
        for (Object element : elements) {
            write(out, element);
            written++;
        }
        if (written != elements.size()) {
            throw new IOException("collection of " + elements.getClass().getName() + " changed while written");
        }
    }

    private static int readLength(DataInput in, String what) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt state value: negative " + what + " length " + length);
        }
        return length;
    }

    private static byte[] readBytes(DataInput in, int length) throws IOException {
        if (length <= READ_CHUNK) {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }
        // Grow as the bytes really arrive: a corrupt length hits the end of input before a huge allocation.
        ByteArrayOutputStream collected = new ByteArrayOutputStream(READ_CHUNK);
        byte[] chunk = new byte[READ_CHUNK];
        int remaining = length;
        while (remaining > 0) {
            int n = Math.min(remaining, READ_CHUNK);
            in.readFully(chunk, 0, n);
            collected.write(chunk, 0, n);
            remaining -= n;
        }
        return collected.toByteArray();
    }

    private static IllegalArgumentException unsupported(Object value) {
        return new IllegalArgumentException("state cannot hold a value of type " + value.getClass().getName()
                + " (supported: null, Long, Integer, Double, Boolean, String, byte[], List, Map, Set, StateRecord)");
    }
}
