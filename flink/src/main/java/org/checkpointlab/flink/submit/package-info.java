/**
 * Pipelines on any Flink cluster with web submission: the job jar ({@link org.checkpointlab.flink.submit.JobJar},
 * entry class {@link org.checkpointlab.flink.submit.JobJarMain}) carries the translator and runs the pipeline of its
 * program arguments ({@link org.checkpointlab.flink.submit.JarProgram}); the app uploads and runs it through
 * {@code /jars} ({@link org.checkpointlab.flink.submit.WebSubmission}), watches such jobs in their pipeline's terms
 * and restores them from savepoints at new parallelism
 * ({@link org.checkpointlab.flink.submit.WebSubmissionConnector}).
 */
package org.checkpointlab.flink.submit;
