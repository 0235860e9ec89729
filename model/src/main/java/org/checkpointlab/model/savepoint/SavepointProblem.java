package org.checkpointlab.model.savepoint;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why a directory could not be read as a savepoint, as facts a front end words in its own language (the restore
 * dialog, the State view); {@link #english()} is the command line's wording, e.g. {@code savepoint /x does not exist}.
 *
 * @param kind what is wrong
 * @param args its arguments, as each kind documents
 */
public record SavepointProblem(Kind kind, List<String> args) {

    /** What is wrong; each constant lists its arguments. */
    public enum Kind {
        /** The directory. */
        DOES_NOT_EXIST,
        /** The path, a file. */
        IS_A_FILE,
        /** The directory, the metadata file's name. */
        NO_METADATA,
        /** The directory, the metadata file's name: it looks like a checkpoint that was not retained. */
        NO_METADATA_CHECKPOINT,
        /** The metadata file, why (the system's own words). */
        CANNOT_READ,
        /** The metadata file, why (the parser's own words). */
        CORRUPT,
        /** The metadata file. */
        EMPTY
    }

    public SavepointProblem {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static SavepointProblem of(Kind kind, Object... args) {
        return new SavepointProblem(kind, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Argument {@code i}, or "" when missing. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** The problem as the command line says it. */
    public String english() {
        return switch (kind) {
            case DOES_NOT_EXIST -> "savepoint " + arg(0) + " does not exist";
            case IS_A_FILE -> arg(0) + " is a file, not a savepoint directory";
            case NO_METADATA -> arg(0) + " is not a savepoint: it has no " + arg(1);
            case NO_METADATA_CHECKPOINT -> arg(0) + " is not a savepoint: it has no " + arg(1)
                    + " (a checkpoint is restorable only when retained with RETAIN_ON_CANCELLATION)";
            case CANNOT_READ -> "cannot read " + arg(0) + ": " + arg(1);
            case CORRUPT -> arg(0) + " is corrupt: " + arg(1);
            case EMPTY -> arg(0) + " is empty";
        };
    }
}
