package org.checkpointlab.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.checkpointlab.flink.rest.RestJobParser;
import org.checkpointlab.flink.rest.RestObservation;
import org.checkpointlab.model.observe.SubtaskSnapshot;

/**
 * One job vertex of a watched Flink job at the end of the watch: its records and the highest busy and
 * back-pressured time of its subtasks, with Flink's back-pressure level (a vertex is as back-pressured as its most
 * back-pressured subtask).
 */
record WatchedVertex(String id, String name, int parallelism, long recordsIn, long recordsOut,
                     double maxBusyMsPerSecond, double maxBackPressuredMsPerSecond, String backPressureLevel) {

    static List<WatchedVertex> of(RestObservation o) {
        List<WatchedVertex> result = new ArrayList<>();
        for (RestJobParser.Vertex v : o.vertices()) {
            List<SubtaskSnapshot> subtasks = o.snapshot().subtasks().stream()
                    .filter(s -> s.operatorIds().contains(v.id())).toList();
            SubtaskSnapshot most = subtasks.stream()
                    .max(java.util.Comparator.comparingDouble(SubtaskSnapshot::backPressuredMsPerSecond)).orElse(null);
            result.add(new WatchedVertex(v.id(), v.name(), v.parallelism(), v.recordsIn(), v.recordsOut(),
                    subtasks.stream().mapToDouble(SubtaskSnapshot::busyMsPerSecond).max().orElse(0),
                    most == null ? 0 : most.backPressuredMsPerSecond(), most == null ? "-" : most.backPressureLevel()));
        }
        return result;
    }
}
