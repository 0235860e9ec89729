package org.checkpointlab.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

/** Loading a pipeline file the way every command does: parse, validate, and check its checkpointing section. */
final class PipelineFiles {
    private PipelineFiles() {
    }

    /**
     * Reads {@code file} and checks that its pipeline can run and that its checkpointing section gives valid
     * options.
     *
     * @throws BadInputException with every problem found, each naming the file and where in it
     */
    static PipelineSpec load(Path file) throws BadInputException {
        PipelineSpec pipeline;
        try {
            pipeline = PipelineJson.read(file);
        } catch (PipelineException e) {
            throw new BadInputException(e.problems());
        }
        // The validator may report the checkpointing section's problems as well: each problem once.
        Set<String> problems = new LinkedHashSet<>();
        try {
            PipelineValidator.validate(pipeline);
        } catch (PipelineException e) {
            problems.addAll(prefixed(file, e.problems()));
        }
        try {
            CheckpointOptions options = checkpointDefaults(file, pipeline);
            options.problems().forEach(p -> problems.add(sourceName(file) + ": checkpointing: " + p));
        } catch (BadInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(List.copyOf(problems));
        }
        return pipeline;
    }

    /** Flink's defaults with the file's {@code checkpointing} section applied (not yet checked as a whole). */
    static CheckpointOptions checkpointDefaults(Path file, PipelineSpec pipeline) throws BadInputException {
        try {
            return pipeline.checkpointing().options();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(sourceName(file) + ": checkpointing: " + e.getMessage());
        }
    }

    /** The validator's problems name the operator or edge but not the file; add it unless already there. */
    private static List<String> prefixed(Path file, List<String> problems) {
        String source = sourceName(file);
        return problems.stream().map(p -> p.startsWith(source + ":") ? p : source + ": " + p).toList();
    }

    static String sourceName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
}
