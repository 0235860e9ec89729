/**
 * Watching and steering a job of any Apache Flink cluster (1.18 to 2.x) through its REST API.
 * {@link org.checkpointlab.flink.rest.RestJobClient} is the {@link org.checkpointlab.model.client.JobClient} of such
 * a job: {@link org.checkpointlab.flink.rest.RestJobPoller} reads it at an interval on a background thread,
 * {@link org.checkpointlab.flink.rest.RestJobParser} and {@link org.checkpointlab.flink.rest.RestCheckpoints} map
 * Flink's answers (leniently: fields differ between versions) into the engine-neutral records of
 * {@code model.observe} and {@code model.checkpoint}, {@link org.checkpointlab.flink.rest.RestTriggers} runs Flink's
 * asynchronous operations (checkpoint, savepoint, stop) by polling their trigger ids, and
 * {@link org.checkpointlab.flink.rest.FlinkClusterProbe} checks an address is Flink and picks the job. Only public
 * REST endpoints are used: nothing here needs Flink's classes.
 */
package org.checkpointlab.flink.rest;
