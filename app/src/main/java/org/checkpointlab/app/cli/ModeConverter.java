package org.checkpointlab.app.cli;

import org.checkpointlab.model.checkpoint.CheckpointingMode;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --mode exactly-once|at-least-once}. */
final class ModeConverter implements ITypeConverter<CheckpointingMode> {
    @Override
    public CheckpointingMode convert(String value) {
        try {
            return CheckpointingMode.fromCliName(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
