package org.checkpointlab.model.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The serialized operator state of one subtask. Big-endian:
 *
 * <pre>
 * int     magic 0x434F5053 ("COPS")
 * int     format version ({@value #VERSION})
 * int     number of list states
 * per state:
 *   string  name (int byte length + UTF-8)
 *   byte    mode: 1 SPLIT, 2 UNION
 *   int     number of elements
 *   elements, each in the {@link StateSerializer} encoding
 * int     CRC-32 of every byte before it
 * </pre>
 */
public final class OperatorStateFormat {

    /** "COPS": Checkpoint Lab operator state. */
    public static final int MAGIC = 0x434F5053;

    /** The format version this class writes and the only one it reads. */
    public static final int VERSION = 1;

    private OperatorStateFormat() {
    }

    /** One named list state with its elements. */
    public record NamedList(String name, OperatorStateMode mode, List<Object> elements) {
        public NamedList {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mode, "mode");
            elements = List.copyOf(elements);
        }
    }

    /**
     * Serializes the list states of one subtask.
     *
     * @throws IOException when an element has a type {@link StateSerializer} cannot write (naming the state)
     */
    public static byte[] write(List<NamedList> states) throws IOException {
        StateBlobOutput out = new StateBlobOutput(256);
        DataOutputStream data = out.data();
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(states.size());
        for (NamedList state : states) {
            StateSerializer.writeString(data, state.name());
            data.writeByte(state.mode().code());
            data.writeInt(state.elements().size());
            for (Object element : state.elements()) {
                try {
                    StateSerializer.write(data, element);
                } catch (IllegalArgumentException e) {
                    throw new IOException("cannot write operator state '" + state.name() + "': " + e.getMessage(), e);
                }
            }
        }
        return out.finish();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException on a bad magic, an unknown version, a checksum mismatch or inconsistent contents
     */
    public static List<NamedList> read(byte[] blob) throws IOException {
        Objects.requireNonNull(blob, "blob");
        ByteArrayInputStream bytes = new ByteArrayInputStream(blob, 0,
                Math.max(0, blob.length - StateBlobOutput.CHECKSUM_BYTES));
        DataInputStream in = new DataInputStream(bytes);
        StateBlobOutput.readHeader(blob, in, 3 * Integer.BYTES, MAGIC, VERSION, "operator state");
        try {
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("corrupt operator state: " + count + " states");
            }
            List<NamedList> states = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int s = 0; s < count; s++) {
                String name = StateSerializer.readString(in);
                int code = in.readUnsignedByte();
                OperatorStateMode mode = OperatorStateMode.ofCode(code);
                if (mode == null) {
                    throw new IOException("corrupt operator state: state '" + name + "' has unknown mode " + code);
                }
                if (!names.add(name)) {
                    throw new IOException("corrupt operator state: state '" + name + "' appears twice");
                }
                int size = in.readInt();
                if (size < 0) {
                    throw new IOException("corrupt operator state: state '" + name + "' has " + size + " elements");
                }
                List<Object> elements = new ArrayList<>(Math.min(size, 1024));
                for (int e = 0; e < size; e++) {
                    Object element = StateSerializer.read(in);
                    if (element == null) {
                        throw new IOException("corrupt operator state: null element in state '" + name + "'");
                    }
                    elements.add(element);
                }
                states.add(new NamedList(name, mode, elements));
            }
            if (bytes.available() > 0) {
                throw new IOException("corrupt operator state: " + bytes.available() + " unread bytes");
            }
            return states;
        } catch (EOFException e) {
            throw new IOException("corrupt operator state: it ends early (" + blob.length + " bytes)", e);
        }
    }
}
