package org.checkpointlab.model.pipeline;

/** The type of an operator parameter, which decides what values a pipeline file may give it. */
public enum ParamType {
    /** A whole number, held as {@link Long}. */
    LONG,
    /** A number, held as {@link Double}. */
    DOUBLE,
    /** {@code true} or {@code false}, held as {@link Boolean}. */
    BOOLEAN,
    /** Free text, held as {@link String}. */
    STRING,
    /** One of a fixed list of words, held as {@link String}. */
    ENUM
}
