package org.checkpointlab.model.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * The canonical, backend-independent serialized form of keyed state: what every keyed state backend writes for a
 * checkpoint or a savepoint, and what every backend can restore from, whatever backend wrote it. All integers are
 * big-endian.
 *
 * <pre>
 * header      int    magic 0x434B4753 ("CKGS")
 *             int    format version ({@value #VERSION})
 *             int    max parallelism the key groups were computed with
 *             int    first key group of the range
 *             int    last key group of the range (first - 1 when empty)
 *             int[]  offset index: for each key group of the range, in order, the byte offset of its section
 *                    from the start of the blob
 * sections    per key group of the range, in order:
 *             int    the key group (repeated, as a check)
 *             int    number of states with entries in this key group
 *             per state:
 *               string  state name (int byte length + UTF-8)
 *               byte    kind: 1 VALUE, 2 LIST (value = the whole list), 3 MAP (value = the whole map)
 *               int     number of entries
 *               per entry: key, value, each in the {@link StateSerializer} encoding
 * trailer     int    CRC-32 of every byte before it
 * </pre>
 *
 * <p>The offset index lets a restoring subtask read just the key groups of its own range out of the state of an old
 * subtask (rescaling). A reader rejects a bad magic, an unknown version, a checksum mismatch or an inconsistent
 * index with an {@link IOException} that says what is wrong.
 */
public final class KeyGroupStateFormat {

    /** "CKGS": Checkpoint Lab key-group state. */
    public static final int MAGIC = 0x434B4753;

    /** The format version this class writes and the only one it reads. */
    public static final int VERSION = 1;

    private static final int HEADER_FIXED_BYTES = 5 * Integer.BYTES;

    private KeyGroupStateFormat() {
    }

    /** Starts writing the state of {@code range}, computed with {@code maxParallelism}. */
    public static Writer writer(KeyGroupRange range, int maxParallelism) {
        return new Writer(range, maxParallelism);
    }

    /** Opens a blob for reading: checks magic, version, checksum and the offset index. */
    public static Reader reader(byte[] blob) throws IOException {
        return new Reader(blob);
    }

    /** Receives the entries of a key group as {@link Reader#readKeyGroup} reads them. */
    @FunctionalInterface
    public interface EntryVisitor {
        void entry(int keyGroup, String stateName, StateKind kind, Object key, Object value) throws IOException;
    }

    /**
     * Writes one blob, key group by key group in ascending order: {@link #startKeyGroup}, then for each state with
     * entries {@link #startState} followed by its {@link #writeEntry entries}, and finally {@link #finish}. Key groups
     * of the range that are never started are written empty. Counts are patched in afterwards, so callers need not
     * know them in advance. Single-threaded.
     */
    public static final class Writer {
        private final KeyGroupRange range;
        private final StateBlobOutput out;
        private final DataOutputStream data;
        private int nextKeyGroup;
        private int currentKeyGroup = -1;
        private int stateCountPosition = -1;
        private int stateCount;
        private String currentState;
        private int entryCountPosition = -1;
        private int entryCount;
        private boolean finished;

        private Writer(KeyGroupRange range, int maxParallelism) {
            Objects.requireNonNull(range, "range");
            KeyGroups.checkMaxParallelism(maxParallelism);
            if (range.size() > 0 && (range.start() < 0 || range.end() >= maxParallelism)) {
                throw new IllegalArgumentException(
                        "key-group range " + range + " does not fit max parallelism " + maxParallelism);
            }
            this.range = range;
            this.out = new StateBlobOutput(HEADER_FIXED_BYTES + Integer.BYTES * range.size() + 256);
            this.data = out.data();
            this.nextKeyGroup = range.start();
            try {
                data.writeInt(MAGIC);
                data.writeInt(VERSION);
                data.writeInt(maxParallelism);
                data.writeInt(range.size() == 0 ? 0 : range.start());
                data.writeInt(range.size() == 0 ? -1 : range.end());
                for (int i = 0; i < range.size(); i++) {
                    data.writeInt(0); // offset, patched when the section starts
                }
            } catch (IOException e) {
                throw new AssertionError("writing to memory cannot fail", e);
            }
        }

        /** Starts the section of {@code keyGroup}; key groups must come in ascending order, each at most once. */
        public void startKeyGroup(int keyGroup) {
            checkOpen();
            if (!range.contains(keyGroup)) {
                throw new IllegalArgumentException("key group " + keyGroup + " is outside the range " + range);
            }
            if (keyGroup < nextKeyGroup) {
                throw new IllegalStateException("key group " + keyGroup + " comes after key group "
                        + (nextKeyGroup - 1) + "; key groups must be written in ascending order, once each");
            }
            endKeyGroup();
            while (nextKeyGroup < keyGroup) {
                beginSection(nextKeyGroup);
                endKeyGroup();
            }
            beginSection(keyGroup);
        }

        /** Starts a state of the current key group; its entries follow. */
        public void startState(String name, StateKind kind) {
            checkOpen();
            if (currentKeyGroup < 0) {
                throw new IllegalStateException("startKeyGroup must come before startState('" + name + "')");
            }
            Objects.requireNonNull(name, "state name");
            Objects.requireNonNull(kind, "kind");
            endState();
            try {
                StateSerializer.writeString(data, name);
                data.writeByte(kind.code());
                entryCountPosition = out.position();
                data.writeInt(0);
            } catch (IOException e) {
                throw new AssertionError("writing to memory cannot fail", e);
            }
            currentState = name;
            entryCount = 0;
            stateCount++;
        }

        /**
         * Writes one entry of the current state.
         *
         * @throws IOException when the key or value has a type {@link StateSerializer} cannot write; the message
         *                     names the state and key group
         */
        public void writeEntry(Object key, Object value) throws IOException {
            checkOpen();
            if (currentState == null) {
                throw new IllegalStateException("startState must come before writeEntry");
            }
            try {
                StateSerializer.write(data, key);
                StateSerializer.write(data, value);
            } catch (IllegalArgumentException e) {
                throw new IOException("cannot write state '" + currentState + "' in key group " + currentKeyGroup
                        + " for key " + key + ": " + e.getMessage(), e);
            }
            entryCount++;
        }

        /** Completes the blob (empty sections for key groups not written, the checksum) and returns it. */
        public byte[] finish() {
            checkOpen();
            endKeyGroup();
            while (nextKeyGroup <= range.end() && range.size() > 0) {
                beginSection(nextKeyGroup);
                endKeyGroup();
            }
            finished = true;
            return out.finish();
        }

        private void beginSection(int keyGroup) {
            out.patchInt(HEADER_FIXED_BYTES + Integer.BYTES * (keyGroup - range.start()), out.position());
            try {
                data.writeInt(keyGroup);
                stateCountPosition = out.position();
                data.writeInt(0);
            } catch (IOException e) {
                throw new AssertionError("writing to memory cannot fail", e);
            }
            currentKeyGroup = keyGroup;
            stateCount = 0;
            nextKeyGroup = keyGroup + 1;
        }

        private void endState() {
            if (currentState != null) {
                out.patchInt(entryCountPosition, entryCount);
                currentState = null;
            }
        }

        private void endKeyGroup() {
            if (currentKeyGroup >= 0) {
                endState();
                out.patchInt(stateCountPosition, stateCount);
                currentKeyGroup = -1;
            }
        }

        private void checkOpen() {
            if (finished) {
                throw new IllegalStateException("the key-group state writer is finished");
            }
        }
    }

    /** Reads a blob written by {@link Writer}; any key group of its range can be read on its own. */
    public static final class Reader {
        private final byte[] blob;
        private final int maxParallelism;
        private final KeyGroupRange range;
        private final int[] offsets;
        private final int sectionsEnd;

        private Reader(byte[] blob) throws IOException {
            this.blob = Objects.requireNonNull(blob, "blob");
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
            StateBlobOutput.readHeader(blob, in, HEADER_FIXED_BYTES, MAGIC, VERSION, "key-group state");
            maxParallelism = in.readInt();
            int start = in.readInt();
            int end = in.readInt();
            if (maxParallelism < 1 || maxParallelism > KeyGroups.UPPER_BOUND_MAX_PARALLELISM || start < 0
                    || end < start - 1 || end >= maxParallelism) {
                throw new IOException("corrupt key-group state header: range [" + start + ".." + end
                        + "] with max parallelism " + maxParallelism);
            }
            range = end < start ? KeyGroupRange.empty() : new KeyGroupRange(start, end);
            sectionsEnd = blob.length - StateBlobOutput.CHECKSUM_BYTES;
            int indexEnd = HEADER_FIXED_BYTES + Integer.BYTES * range.size();
            if (indexEnd > sectionsEnd) {
                throw new IOException("key-group state is truncated: the offset index of " + range.size()
                        + " key groups does not fit in " + blob.length + " bytes");
            }
            offsets = new int[range.size()];
            int previous = indexEnd;
            for (int i = 0; i < offsets.length; i++) {
                int offset = in.readInt();
                if (offset < previous || offset > sectionsEnd - 2 * Integer.BYTES) {
                    throw new IOException("corrupt key-group state: offset " + offset + " of key group "
                            + (range.start() + i) + " is outside [" + previous + ", " + sectionsEnd + ")");
                }
                offsets[i] = offset;
                previous = offset + 2 * Integer.BYTES;
            }
        }

        public KeyGroupRange keyGroupRange() {
            return range;
        }

        /** The max parallelism the writer computed key groups with; a restore needs the same. */
        public int maxParallelism() {
            return maxParallelism;
        }

        /** The serialized size of a key group's section, in bytes. */
        public int keyGroupBytes(int keyGroup) {
            int i = indexOf(keyGroup);
            return sectionEnd(i) - offsets[i];
        }

        /**
         * Reads every entry of {@code keyGroup} into {@code visitor}, jumping straight to its section.
         *
         * @throws IOException when the section is inconsistent (wrong key group, unknown kind, bytes left over or
         *                     missing), or when the visitor throws
         */
        public void readKeyGroup(int keyGroup, EntryVisitor visitor) throws IOException {
            int i = indexOf(keyGroup);
            int from = offsets[i];
            int to = sectionEnd(i);
            ByteArrayInputStream section = new ByteArrayInputStream(blob, from, to - from);
            DataInputStream in = new DataInputStream(section);
            try {
                int storedGroup = in.readInt();
                if (storedGroup != keyGroup) {
                    throw new IOException("corrupt key-group state: the section for key group " + keyGroup
                            + " holds key group " + storedGroup);
                }
                int states = in.readInt();
                if (states < 0) {
                    throw new IOException("corrupt key-group state: key group " + keyGroup + " has " + states
                            + " states");
                }
                for (int s = 0; s < states; s++) {
                    String name = StateSerializer.readString(in);
                    int code = in.readUnsignedByte();
                    StateKind kind = StateKind.ofCode(code);
                    if (kind == null) {
                        throw new IOException("corrupt key-group state: state '" + name + "' in key group "
                                + keyGroup + " has unknown kind " + code);
                    }
                    int entries = in.readInt();
                    if (entries < 0) {
                        throw new IOException("corrupt key-group state: state '" + name + "' in key group "
                                + keyGroup + " has " + entries + " entries");
                    }
                    for (int e = 0; e < entries; e++) {
                        Object key = StateSerializer.read(in);
                        Object value = StateSerializer.read(in);
                        visitor.entry(keyGroup, name, kind, key, value);
                    }
                }
            } catch (EOFException e) {
                throw new IOException("corrupt key-group state: the section of key group " + keyGroup
                        + " ends early (" + (to - from) + " bytes)", e);
            }
            if (section.available() > 0) {
                throw new IOException("corrupt key-group state: " + section.available()
                        + " unread bytes at the end of key group " + keyGroup);
            }
        }

        private int indexOf(int keyGroup) {
            if (!range.contains(keyGroup)) {
                throw new IllegalArgumentException(
                        "key group " + keyGroup + " is not in this state's range " + range);
            }
            return keyGroup - range.start();
        }

        private int sectionEnd(int index) {
            return index + 1 < offsets.length ? offsets[index + 1] : sectionsEnd;
        }
    }
}
