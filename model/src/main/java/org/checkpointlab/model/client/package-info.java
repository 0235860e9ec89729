/**
 * The job-client boundary: what a front end (the desktop views, a command line) does with a running job, whatever
 * engine runs it. {@link org.checkpointlab.model.client.JobLauncher} starts a job from a pipeline and its
 * configuration; {@link org.checkpointlab.model.client.JobClient} observes it through the immutable records of
 * {@code model.observe} and commands it; capabilities an engine lacks are declared, not nulls.
 * {@link org.checkpointlab.model.client.LocalJobClient} adapts this process's engine. A
 * {@link org.checkpointlab.model.client.ClusterConnector} reaches a cluster that runs jobs elsewhere (Flink's REST
 * API), lists its jobs and hands out a {@code JobClient} for watching one.
 */
package org.checkpointlab.model.client;
