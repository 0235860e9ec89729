package org.checkpointlab.app.cli;

import java.time.Duration;
import java.util.Locale;

import org.checkpointlab.model.util.Durations;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --interval}: a duration, or {@code off} (no periodic checkpoints, {@code interval} is null).
 */
record CheckpointInterval(Duration interval) {

    static final CheckpointInterval OFF = new CheckpointInterval(null);

    /** Picocli converter for {@code --interval}. */
    static final class Converter implements ITypeConverter<CheckpointInterval> {
        @Override
        public CheckpointInterval convert(String value) {
            if (value.trim().toLowerCase(Locale.ROOT).equals("off")) {
                return OFF;
            }
            try {
                return new CheckpointInterval(Durations.parse(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + ", or off");
            }
        }
    }
}
