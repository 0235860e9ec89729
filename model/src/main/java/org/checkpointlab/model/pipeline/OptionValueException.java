package org.checkpointlab.model.pipeline;

/**
 * A value typed for a checkpoint option (the settings form, a command-line flag) that is not of the option's form,
 * as facts a front end words in its own language: what is wrong and what was typed. The message is the command
 * line's English, not naming the option (e.g. {@code must be a whole number, was 'two'}).
 */
public final class OptionValueException extends IllegalArgumentException {

    /** What is wrong with the text. */
    public enum Kind {
        /** It is empty, and the option needs a value. */
        EMPTY,
        /** It is not a duration. */
        NOT_DURATION,
        /** It is neither a duration nor "off". */
        NOT_DURATION_OR_OFF,
        /** It is a negative duration. */
        NEGATIVE_DURATION,
        /** It is a negative duration (the option also takes "off"). */
        NEGATIVE_DURATION_OR_OFF,
        /** It is not a whole number (or too large). */
        NOT_WHOLE_NUMBER,
        /** It is neither true nor false. */
        NOT_BOOLEAN,
        /** It is none of the option's named choices. */
        NOT_CHOICE,
        /** It is not a directory path. */
        NOT_DIRECTORY
    }

    private final Kind kind;
    private final String typed;
    private final String defaultText;

    OptionValueException(Kind kind, String typed, String defaultText, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.typed = typed;
        this.defaultText = defaultText;
    }

    public Kind kind() {
        return kind;
    }

    /** The text as typed (trimmed). */
    public String typed() {
        return typed;
    }

    /** Flink's default for the option, as text. */
    public String defaultText() {
        return defaultText;
    }
}
