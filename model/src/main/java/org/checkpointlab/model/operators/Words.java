package org.checkpointlab.model.operators;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * How {@code flat-map-words} splits a value into words, on every engine: a word is a run of letters or digits of the
 * value's text, lower-cased when asked.
 */
public final class Words {

    private Words() {
    }

    /** Hands each word of {@code value}'s text to {@code word}, in order. */
    public static void split(Object value, boolean lowercase, Consumer<String> word) {
        String text = String.valueOf(value);
        if (lowercase) {
            text = text.toLowerCase(Locale.ROOT);
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                word.accept(text.substring(start, i));
                start = -1;
            }
        }
    }
}
