package org.checkpointlab.model.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a pipeline file holds: the pipeline, and where its cards were drawn (by operator id, in operator order;
 * empty when the file has no {@code layout} section).
 */
public record PipelineFile(PipelineSpec spec, Map<String, CardPosition> layout) {
    public PipelineFile {
        Objects.requireNonNull(spec, "spec");
        layout = Collections.unmodifiableMap(new LinkedHashMap<>(layout));
    }
}
