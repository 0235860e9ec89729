package org.checkpointlab.model.operators;

import java.util.Locale;

import org.checkpointlab.model.runtime.OperatorContext;
import org.checkpointlab.model.runtime.Output;
import org.checkpointlab.model.runtime.StreamOperator;
import org.checkpointlab.model.runtime.StreamRecord;

/** {@code flat-map-words}: splits a sentence into one {@code (word, 1)} record per word. */
final class FlatMapWords implements StreamOperator {
    private static final Long ONE = 1L;
    private Output out;
    private boolean lowercase;

    @Override
    public void open(OperatorContext context) {
        out = context.output();
        lowercase = Params.getBoolean(context.params(), "lowercase", true);
    }

    @Override
    public void processRecord(StreamRecord record, int input) {
        String text = String.valueOf(record.value());
        if (lowercase) {
            text = text.toLowerCase(Locale.ROOT);
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean letter = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.collect(new StreamRecord(text.substring(start, i), ONE, record.seq()));
                start = -1;
            }
        }
    }
}
