package org.checkpointlab.model.state.rocksdb;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.checkpointlab.model.state.StateSerializer;

/**
 * A growable byte buffer reused for every key and value the task thread serializes, so the hot path allocates
 * nothing once the buffer has grown to the largest entry. Single-threaded.
 */
final class ReusableOutput extends OutputStream {

    private byte[] buf;
    private int count;
    private final DataOutputStream data = new DataOutputStream(this);

    ReusableOutput(int initialCapacity) {
        buf = new byte[initialCapacity];
    }

    /** The bytes written so far start at 0 of this array; valid until the next write. */
    byte[] array() {
        return buf;
    }

    int size() {
        return count;
    }

    /** Drops everything from {@code position} on. */
    void truncate(int position) {
        count = position;
    }

    /** Appends {@code value} in the {@link StateSerializer} encoding. */
    void writeValue(Object value) {
        try {
            StateSerializer.write(data, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    @Override
    public void write(int b) {
        ensure(count + 1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(count + len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
        }
    }
}
