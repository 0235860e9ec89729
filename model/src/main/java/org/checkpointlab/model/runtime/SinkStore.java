package org.checkpointlab.model.runtime;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The external systems of a job's sinks, one {@link SinkOutput} per sink operator. Survives restarts. */
public final class SinkStore {
    private final Path outputDirectory;
    private final Map<String, SinkOutput> outputs = new LinkedHashMap<>();

    /** @param outputDirectory where transactional sinks without a {@code path} write part files, or null */
    public SinkStore(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /** The output of sink {@code sinkId}; {@code path} overrides the store's directory when not null. */
    public synchronized SinkOutput output(String sinkId, Path path) {
        return outputs.computeIfAbsent(sinkId, id -> new SinkOutput(id,
                path != null ? path : outputDirectory == null ? null : outputDirectory.resolve(id)));
    }

    public synchronized Map<String, SinkOutput> outputs() {
        return Map.copyOf(outputs);
    }
}
