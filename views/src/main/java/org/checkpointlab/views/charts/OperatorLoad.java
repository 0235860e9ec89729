package org.checkpointlab.views.charts;

/**
 * One operator (job vertex: a chain, named by its head) at one sample: Flink's busy / backpressured / idle time in
 * ms per second, each the maximum over its subtasks (as the job graph colours a vertex), and its throughput.
 *
 * @param recordsPerSecond records into the operator per second (a source: records out) since the previous
 *                         sample; NaN for the first sample of an attempt
 */
public record OperatorLoad(String operatorId, String name, double busy, double backPressured, double idle,
                           double recordsPerSecond) {

    /** Flink's level for a backpressured ratio: OK up to 10 %, LOW up to 50 %, HIGH above. */
    public static String level(double backPressuredMsPerSecond) {
        double ratio = backPressuredMsPerSecond / 1000.0;
        return ratio < 0.1 ? "OK" : ratio < 0.5 ? "LOW" : "HIGH";
    }
}
