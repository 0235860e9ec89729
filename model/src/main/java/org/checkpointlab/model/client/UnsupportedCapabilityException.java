package org.checkpointlab.model.client;

/** A command needs a {@link JobClient.Capability} the job's engine does not have. */
public final class UnsupportedCapabilityException extends UnsupportedOperationException {
    private final JobClient.Capability capability;

    public UnsupportedCapabilityException(JobClient.Capability capability) {
        super("this engine does not support " + capability.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.capability = capability;
    }

    /** With the engine's own reason, e.g. which setting of the cluster would give the capability. */
    public UnsupportedCapabilityException(JobClient.Capability capability, String why) {
        super(why);
        this.capability = capability;
    }

    public JobClient.Capability capability() {
        return capability;
    }
}
