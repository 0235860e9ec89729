package org.checkpointlab.model.lesson;

import java.util.Objects;

/** The part of the window a lesson step points at. */
public sealed interface Highlight {

    /**
     * An operator's card in the graph, or one of its subtasks.
     *
     * @param operatorId the operator
     * @param subtask    the subtask index, or -1 for the whole card
     */
    record Operator(String operatorId, int subtask) implements Highlight {
        public Operator {
            Objects.requireNonNull(operatorId, "operatorId");
        }
    }

    /** The channels of the edge from one operator to another (drawn under the edge). */
    record Edge(String from, String to) implements Highlight {
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The checkpoint timeline (start delay, alignment, sync, async per subtask) in the Checkpoints tab. */
    record Timeline() implements Highlight {
    }

    /** One of the panels' tabs under the graph, by name: checkpoints, charts, settings, output. */
    record Tab(String name) implements Highlight {
        public Tab {
            Objects.requireNonNull(name, "name");
        }
    }
}
