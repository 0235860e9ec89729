package org.checkpointlab.app.cli;

import java.time.Duration;

import org.checkpointlab.model.util.Durations;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a flag's duration such as {@code 250ms}, {@code 1s}, {@code 2m}, {@code 1h} or plain milliseconds. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
