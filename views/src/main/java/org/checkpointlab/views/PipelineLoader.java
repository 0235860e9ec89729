package org.checkpointlab.views;

import java.nio.file.Path;
import java.util.Map;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineFile;
import org.checkpointlab.model.pipeline.PipelineSpec;

/** Reads a pipeline file into a spec ready to show, or says everything that is wrong with it. */
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
}
