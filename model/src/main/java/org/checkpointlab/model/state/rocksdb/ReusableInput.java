package org.checkpointlab.model.state.rocksdb;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.checkpointlab.model.state.StateSerializer;

/**
 * Reads {@link StateSerializer} values out of a byte range that can be pointed anywhere, so deserializing what
 * RocksDB returned allocates only the values themselves. Single-threaded.
 */
final class ReusableInput extends InputStream {

    private byte[] buf = new byte[0];
    private int pos;
    private int limit;
    private final DataInputStream data = new DataInputStream(this);

    /** Reads from {@code bytes[from, to)} next. */
    ReusableInput reset(byte[] bytes, int from, int to) {
        buf = bytes;
        pos = from;
        limit = to;
        return this;
    }

    int position() {
        return pos;
    }

    boolean hasMore() {
        return pos < limit;
    }

    /** Reads the next value; {@code what} names the state in the error when the bytes are corrupt. */
    Object readValue(String what) {
        try {
            return StateSerializer.read(data);
        } catch (EOFException e) {
            throw new UncheckedIOException(new IOException("corrupt " + what + ": a value ends early", e));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("corrupt " + what + ": " + e.getMessage(), e));
        }
    }

    /** Skips one byte that must be {@code expected} (the list delimiter). */
    void expect(byte expected, String what) {
        if (pos >= limit || buf[pos] != expected) {
            throw new UncheckedIOException(new IOException("corrupt " + what + ": expected delimiter '"
                    + (char) expected + "' at byte " + pos));
        }
        pos++;
    }

    @Override
    public int read() {
        return pos < limit ? buf[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos >= limit) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }
}
