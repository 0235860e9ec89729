package org.checkpointlab.model.state;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;

/**
 * An in-memory output for state blobs: counts written so far can be patched in place, and {@link #finish()}
 * appends the CRC-32 trailer every state blob ends with. Single-threaded.
 */
final class StateBlobOutput extends ByteArrayOutputStream {

    /** Bytes of the CRC-32 trailer. */
    static final int CHECKSUM_BYTES = 4;

    private final DataOutputStream data = new DataOutputStream(this);

    StateBlobOutput(int initialCapacity) {
        super(initialCapacity);
    }

    /** The output as {@link java.io.DataOutput}; it writes straight through, so {@link #position()} stays exact. */
    DataOutputStream data() {
        return data;
    }

    int position() {
        return count;
    }

    /** Overwrites four bytes at {@code position} with {@code value}, big-endian. */
    void patchInt(int position, int value) {
        buf[position] = (byte) (value >>> 24);
        buf[position + 1] = (byte) (value >>> 16);
        buf[position + 2] = (byte) (value >>> 8);
        buf[position + 3] = (byte) value;
    }

    /** Appends the CRC-32 of everything written and returns the bytes. */
    byte[] finish() {
        CRC32 crc = new CRC32();
        crc.update(buf, 0, count);
        try {
            data.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new AssertionError("writing to memory cannot fail", e);
        }
        return toByteArray();
    }

    /**
     * Reads and checks the head a state blob starts with: the blob holds at least {@code headerBytes} and the trailer,
     * {@code in} (at the blob's start) gives {@code magic} and the {@code version} this build reads, and the CRC-32
     * trailer matches. {@code what} names the blob in errors.
     */
    static void readHeader(byte[] blob, DataInputStream in, int headerBytes, int magic, int version, String what)
            throws IOException {
        if (blob.length < headerBytes + CHECKSUM_BYTES) {
            throw new IOException(what + " is truncated: " + blob.length + " bytes, less than a header");
        }
        int readMagic = in.readInt();
        if (readMagic != magic) {
            throw new IOException(String.format("not %s: bad magic 0x%08X (expected 0x%08X)", what, readMagic, magic));
        }
        int readVersion = in.readInt();
        if (readVersion != version) {
            throw new IOException("unsupported " + what + " format version " + readVersion
                    + "; this build reads version " + version);
        }
        verifyChecksum(blob, what);
    }

    /** Checks the CRC-32 trailer of a blob written by {@link #finish()}; {@code what} names the blob in errors. */
    static void verifyChecksum(byte[] blob, String what) throws IOException {
        if (blob.length < CHECKSUM_BYTES) {
            throw new IOException(what + " is truncated: " + blob.length + " bytes");
        }
        int end = blob.length - CHECKSUM_BYTES;
        CRC32 crc = new CRC32();
        crc.update(blob, 0, end);
        int stored = ((blob[end] & 0xff) << 24) | ((blob[end + 1] & 0xff) << 16) | ((blob[end + 2] & 0xff) << 8)
                | (blob[end + 3] & 0xff);
        if (stored != (int) crc.getValue()) {
            throw new IOException(what + " is corrupt or truncated: checksum mismatch over " + blob.length
                    + " bytes");
        }
    }
}
