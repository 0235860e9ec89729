package org.checkpointlab.model.state.rocksdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.checkpointlab.model.state.AbstractKeyedStateBackend;
import org.checkpointlab.model.state.KeyGroupRange;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.model.state.StateKind;

/**
 * The small blob an incremental RocksDB checkpoint stores in place of the state: which SST files make up the
 * subtask's database (each with its size and location in the {@link SharedFileStore}), the database's own small
 * files (MANIFEST, CURRENT, OPTIONS) inline, and the state table that maps state names to the ids in the keys. All
 * integers big-endian.
 *
 * <pre>
 * int     magic 0x434B5249 ("CKRI")
 * int     format version ({@value #VERSION})
 * long    checkpoint id
 * int     max parallelism
 * int     first key group, int last key group (first - 1 when empty)
 * int     number of states; per state: string name, byte kind (StateKind code), short id
 * int     number of SST files; per file: string name, long size, string location
 * int     number of private files; per file: string name, int length, bytes
 * int     CRC-32 of every byte before it
 * </pre>
 *
 * Strings are int byte length + UTF-8.
 *
 * @param checkpointId   the checkpoint that wrote it
 * @param maxParallelism the max parallelism the key groups were computed with
 * @param keyGroupRange  the key groups of the writing subtask
 * @param states         the state table of the database
 * @param sstFiles       the SST files of the database
 * @param privateFiles   the other files of the database's checkpoint directory, with their bytes
 */
public record IncrementalManifest(long checkpointId, int maxParallelism, KeyGroupRange keyGroupRange,
                                  List<RegisteredState> states, List<SstFile> sstFiles,
                                  List<PrivateFile> privateFiles)
        implements AbstractKeyedStateBackend.OwnFormatSnapshot {

    /** "CKRI": Checkpoint Lab RocksDB incremental. */
    public static final int MAGIC = 0x434B5249;

    public static final int VERSION = 1;

    public IncrementalManifest {
        states = List.copyOf(states);
        sstFiles = List.copyOf(sstFiles);
        privateFiles = List.copyOf(privateFiles);
    }

    /** One SST file of the database, uploaded to the shared store. */
    public record SstFile(String name, long size, String location) {
    }

    /** A small file of the database's checkpoint directory, carried in the manifest itself. */
    public record PrivateFile(String name, byte[] bytes) {
    }

    /** Whether {@code blob} starts with this format's magic (so it is not canonical key-group state). */
    public static boolean isManifest(byte[] blob) {
        return blob != null && blob.length >= 4 && readInt(blob, 0) == MAGIC;
    }

    /** Bytes of every SST file. */
    public long sstBytes() {
        return sstFiles.stream().mapToLong(SstFile::size).sum();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(checkpointId);
            out.writeInt(maxParallelism);
            out.writeInt(keyGroupRange.size() == 0 ? 0 : keyGroupRange.start());
            out.writeInt(keyGroupRange.size() == 0 ? -1 : keyGroupRange.end());
            out.writeInt(states.size());
            for (RegisteredState s : states) {
                writeString(out, s.name());
                out.writeByte(s.kind().code());
                out.writeShort(s.id());
            }
            out.writeInt(sstFiles.size());
            for (SstFile f : sstFiles) {
                writeString(out, f.name());
                out.writeLong(f.size());
                writeString(out, f.location());
            }
            out.writeInt(privateFiles.size());
            for (PrivateFile f : privateFiles) {
                writeString(out, f.name());
                out.writeInt(f.bytes().length);
                out.write(f.bytes());
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Parses a manifest.
     *
     * @throws IOException on a bad magic, an unknown version, a checksum mismatch, truncation or inconsistent
     *                     fields; the message says which
     */
    public static IncrementalManifest parse(byte[] blob) throws IOException {
        if (blob.length < 12) {
            throw new IOException("incremental RocksDB manifest is truncated: " + blob.length + " bytes");
        }
        int magic = readInt(blob, 0);
        if (magic != MAGIC) {
            throw new IOException(String.format("not an incremental RocksDB manifest: bad magic 0x%08X", magic));
        }
        int version = readInt(blob, 4);
        if (version != VERSION) {
            throw new IOException("unsupported incremental RocksDB manifest version " + version
                    + "; this build reads version " + VERSION);
        }
        int end = blob.length - 4;
        CRC32 crc = new CRC32();
        crc.update(blob, 0, end);
        if (readInt(blob, end) != (int) crc.getValue()) {
            throw new IOException("incremental RocksDB manifest is corrupt or truncated: checksum mismatch over "
                    + blob.length + " bytes");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob, 8, end - 8));
        try {
            long checkpointId = in.readLong();
            int maxParallelism = in.readInt();
            int start = in.readInt();
            int last = in.readInt();
            if (maxParallelism < 1 || maxParallelism > KeyGroups.UPPER_BOUND_MAX_PARALLELISM || start < 0
                    || last < start - 1 || last >= maxParallelism) {
                throw new IOException("corrupt incremental RocksDB manifest: range [" + start + ".." + last
                        + "] with max parallelism " + maxParallelism);
            }
            KeyGroupRange range = last < start ? KeyGroupRange.empty() : new KeyGroupRange(start, last);
            int stateCount = count(in, "states");
            List<RegisteredState> states = new ArrayList<>();
            for (int i = 0; i < stateCount; i++) {
                String name = readString(in);
                int code = in.readUnsignedByte();
                StateKind kind = StateKind.ofCode(code);
                if (kind == null) {
                    throw new IOException("corrupt incremental RocksDB manifest: state '" + name
                            + "' has unknown kind " + code);
                }
                states.add(new RegisteredState(name, kind, in.readUnsignedShort()));
            }
            int sstCount = count(in, "SST files");
            List<SstFile> ssts = new ArrayList<>();
            for (int i = 0; i < sstCount; i++) {
                String name = readString(in);
                long size = in.readLong();
                ssts.add(new SstFile(checkFileName(name), size, readString(in)));
            }
            int privateCount = count(in, "private files");
            List<PrivateFile> files = new ArrayList<>();
            for (int i = 0; i < privateCount; i++) {
                String name = checkFileName(readString(in));
                int length = count(in, "bytes of " + name);
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                files.add(new PrivateFile(name, bytes));
            }
            if (in.available() > 0) {
                throw new IOException("corrupt incremental RocksDB manifest: " + in.available()
                        + " unread bytes at the end");
            }
            return new IncrementalManifest(checkpointId, maxParallelism, range, states, ssts, files);
        } catch (EOFException e) {
            throw new IOException("corrupt incremental RocksDB manifest: it ends early", e);
        }
    }

    private static String checkFileName(String name) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IOException("corrupt incremental RocksDB manifest: bad file name '" + name + "'");
        }
        return name;
    }

    private static int count(DataInputStream in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("corrupt incremental RocksDB manifest: " + n + " " + what);
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[count(in, "string bytes")];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
