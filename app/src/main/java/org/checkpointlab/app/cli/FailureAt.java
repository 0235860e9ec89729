package org.checkpointlab.app.cli;

import java.time.Duration;

import org.checkpointlab.model.util.Durations;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --fail OP[:SUBTASK]@WHEN}: make subtask {@code subtask} of operator {@code operatorId} fail either
 * {@code after} the job started ({@code @5s}) or once it has taken in {@code records} records ({@code @#100000};
 * a source: emitted). Exactly one of {@code after} and {@code records} is set.
 */
record FailureAt(String operatorId, int subtask, Duration after, Long records) {

    /** As the user wrote it, e.g. {@code count:1@#5000}. */
    String text() {
        return operatorId + ":" + subtask + "@" + (after != null ? Durations.format(after) : "#" + records);
    }

    /** Picocli converter for {@code --fail}. */
    static final class Converter implements ITypeConverter<FailureAt> {
        private static final String FORM = "expected OP[:SUBTASK]@DURATION or OP[:SUBTASK]@#RECORDS, "
                + "e.g. count:1@5s or count@#100000";

        @Override
        public FailureAt convert(String value) {
            int at = value.lastIndexOf('@');
            if (at <= 0 || at == value.length() - 1) {
                throw new TypeConversionException("'" + value + "': " + FORM);
            }
            String target = value.substring(0, at);
            String when = value.substring(at + 1).trim();
            String operator = target;
            int subtask = 0;
            int colon = target.lastIndexOf(':');
            if (colon >= 0) {
                operator = target.substring(0, colon);
                subtask = parseSubtask(value, target.substring(colon + 1));
            }
            if (operator.isBlank()) {
                throw new TypeConversionException("'" + value + "': the operator is missing; " + FORM);
            }
            if (when.startsWith("#")) {
                return new FailureAt(operator, subtask, null, parseRecords(value, when.substring(1)));
            }
            try {
                return new FailureAt(operator, subtask, Durations.parse(when), null);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage() + "; " + FORM);
            }
        }

        private static int parseSubtask(String value, String text) {
            try {
                int subtask = Integer.parseInt(text.trim());
                if (subtask >= 0) {
                    return subtask;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "': subtask '" + text
                    + "' is not a subtask index (0, 1, ...); " + FORM);
        }

        private static long parseRecords(String value, String text) {
            try {
                long records = Long.parseLong(text.trim().replace("_", "").replace(",", ""));
                if (records >= 1) {
                    return records;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "': '#" + text
                    + "' is not a record count of at least 1; " + FORM);
        }
    }
}
