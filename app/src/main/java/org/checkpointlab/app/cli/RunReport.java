package org.checkpointlab.app.cli;

import java.util.List;

import org.checkpointlab.model.job.DeliveryCheck.SinkDelivery;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.RestartEvent;

/**
 * Everything {@code run} reports at the end: the job's summary, its failures and recoveries, the savepoints it
 * wrote, and the delivery check.
 *
 * @param summary            the job's final summary, sinks in pipeline order
 * @param startMillis        when the job started (epoch ms), for relative times in the readable summary
 * @param failures           the exception history, oldest first
 * @param restarts           every recovery, oldest first
 * @param savepoints         the savepoints written, oldest first
 * @param delivery           per sink, the committed output against a failure-free run; {@code null} when not
 *                           checked
 * @param deliveryNotChecked why the delivery was not checked, or {@code null} when it was
 */
record RunReport(JobSummary summary, long startMillis, List<FailureEvent> failures, List<RestartEvent> restarts,
                 List<SavepointResult> savepoints, List<SinkDelivery> delivery, String deliveryNotChecked) {
    RunReport {
        failures = List.copyOf(failures);
        restarts = List.copyOf(restarts);
        savepoints = List.copyOf(savepoints);
        delivery = delivery == null ? null : List.copyOf(delivery);
    }
}
