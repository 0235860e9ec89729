package org.checkpointlab.views;

import java.nio.file.Path;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineFile;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

/**
 * The app's {@link PipelineLoader}: reads a pipeline file with {@link PipelineJson} and accepts it only if
 * {@link PipelineValidator} finds nothing wrong, so the window never shows a pipeline that cannot run.
 */
public final class PipelineFiles {
    private PipelineFiles() {
    }

    /**
     * Reads and validates a pipeline file.
     *
     * @throws PipelineException with every problem, each starting with the file name
     */
    public static PipelineSpec load(Path file) throws PipelineException {
        return loadWithLayout(file).spec();
    }

    /** Reads and validates a pipeline file, with the card positions it keeps. */
    public static PipelineFile loadWithLayout(Path file) throws PipelineException {
        PipelineFile read = PipelineJson.readFile(file);
        var problems = PipelineValidator.problems(read.spec());
        if (!problems.isEmpty()) {
            String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            throw new PipelineException(problems.stream().map(p -> source + ": " + p).toList());
        }
        return read;
    }

    /** The app's loader: pipelines with their layout. */
    public static PipelineLoader loader() {
        return new PipelineLoader() {
            @Override
            public PipelineSpec load(Path file) throws PipelineException {
                return PipelineFiles.load(file);
            }

            @Override
            public PipelineFile loadWithLayout(Path file) throws PipelineException {
                return PipelineFiles.loadWithLayout(file);
            }
        };
    }
}
