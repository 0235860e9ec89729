package org.checkpointlab.model.pipeline;

import java.util.Objects;

/** A directed edge between two operators, by their ids. */
public record EdgeSpec(String from, String to, Partitioning partitioning) {
    public EdgeSpec {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(partitioning, "partitioning");
    }

    @Override
    public String toString() {
        return from + " -" + partitioning.jsonName() + "-> " + to;
    }
}
