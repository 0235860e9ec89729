package org.checkpointlab.model.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a pipeline file into a spec ready to run and show, or says everything that is wrong with it. The app and
 * the CLI load files with {@link #validating()}; tests may give a loader of their own.
 */
@FunctionalInterface
public interface PipelineLoader {
    /**
     * Loads a pipeline file.
     *
     * @throws PipelineException with one problem per thing wrong, each naming where
     */
    PipelineSpec load(Path file) throws PipelineException;

    /** Loads a pipeline file with the card positions it keeps; a loader that reads no layout gives none. */
    default PipelineFile loadWithLayout(Path file) throws PipelineException {
        return new PipelineFile(load(file), Map.of());
    }

    /**
     * The loader of the app and the CLI: reads the file with {@link PipelineJson} (with its layout) and accepts it
     * only if {@link PipelineValidator} finds nothing wrong (its checkpointing section included), so nothing that
     * cannot run is shown or started. Every problem starts with the file name, each is said once.
     */
    static PipelineLoader validating() {
        return new PipelineLoader() {
            @Override
            public PipelineSpec load(Path file) throws PipelineException {
                return loadWithLayout(file).spec();
            }

            @Override
            public PipelineFile loadWithLayout(Path file) throws PipelineException {
                PipelineFile read = PipelineJson.readFile(file);
                List<ValidationProblem> problems = PipelineValidator.findings(read.spec());
                if (!problems.isEmpty()) {
                    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
                    throw PipelineException.of(source, problems);
                }
                return read;
            }
        };
    }
}
