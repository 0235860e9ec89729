package org.checkpointlab.model.observe;

import java.util.List;
import java.util.Objects;
import org.checkpointlab.model.util.FactArguments;

/**
 * What made a subtask fail, as facts a front end words in its own language, for the failures the lab causes itself
 * (failure injection); a failure an operator threw is known only by its exception's message.
 * {@link #english()} is the command line's wording.
 *
 * @param kind what caused it
 * @param args its arguments, as each kind documents
 */
public record FailureCause(Kind kind, List<String> args) implements FactArguments {

    /** What caused a failure; each constant lists its arguments. */
    public enum Kind {
        /** Operator, subtask: the user made it fail (the window's Fail, {@code --fail OP:N@TIME}, chaos). */
        INJECTED,
        /** Operator, subtask, record count, attempt (0: the first): {@code --fail OP:N@#RECORDS}. */
        INJECTED_AT_RECORD
    }

    public FailureCause {
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
    }

    public static FailureCause of(Kind kind, Object... args) {
        return new FailureCause(kind, FactArguments.strings(args));
    }

    /** e.g. {@code failure injected into count #1 at record 50000}. */
    public String english() {
        return switch (kind) {
            case INJECTED -> "failure injected into " + arg(0) + " #" + arg(1);
            case INJECTED_AT_RECORD -> "failure injected into " + arg(0) + " #" + arg(1) + " at record " + arg(2)
                    + ("0".equals(arg(3)) ? "" : " of attempt " + arg(3));
        };
    }
}
