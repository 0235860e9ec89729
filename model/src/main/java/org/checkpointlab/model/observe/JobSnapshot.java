package org.checkpointlab.model.observe;

/** Placeholder; defined with the runtime. */
public record JobSnapshot() {
}
