package org.checkpointlab.views.charts;

/** The charts of the Charts panel, with their titles and the file names their exports get by default. */
public enum ChartKind {
    BACKPRESSURE("Backpressure (ms per second, max over subtasks)", "backpressure"),
    THROUGHPUT("Throughput (records per second)", "throughput"),
    DURATION("Checkpoint duration", "checkpoint-duration"),
    SIZE("Checkpoint size", "checkpoint-size");

    private final String title;
    private final String fileName;

    ChartKind(String title, String fileName) {
        this.title = title;
        this.fileName = fileName;
    }

    public String title() {
        return title;
    }

    public String fileName() {
        return fileName;
    }
}
