package org.checkpointlab.model.util;

import java.util.Arrays;
import java.util.List;

/**
 * A fact that a front end words in its own language: a kind (an enum whose constants document their arguments) and
 * its arguments as strings (ids, numbers, statuses; never sentences but where the kind says so). Implemented by the
 * engine's failure, refusal and validation records; {@link #arg} reads an argument the way every wording does.
 */
public interface FactArguments {

    /** The arguments, as the fact's kind documents them. */
    List<String> args();

    /** Argument {@code i}, or "" when missing. */
    default String arg(int i) {
        List<String> args = args();
        return i < args.size() ? args.get(i) : "";
    }

    /** The arguments a fact holds, each as {@link String#valueOf(Object)} writes it. */
    static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }
}
