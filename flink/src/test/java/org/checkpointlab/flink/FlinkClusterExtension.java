package org.checkpointlab.flink;

import java.util.Map;

/** The one embedded cluster the tests of this module share (started on first use, closed when the JVM ends). */
final class FlinkClusterExtension {
    private FlinkClusterExtension() {
    }

    static EmbeddedFlinkCluster cluster() throws FlinkRefusal {
        return EmbeddedFlinkCluster.shared(Map.of(), EmbeddedFlinkCluster.DEFAULT_SLOTS);
    }
}
