package org.checkpointlab.views.charts;

import org.checkpointlab.views.i18n.Texts;

/** The charts of the Charts panel, with their titles and the file names their exports get by default. */
public enum ChartKind {
    BACKPRESSURE("charts.kind.backpressure", "backpressure"),
    THROUGHPUT("charts.kind.throughput", "throughput"),
    DURATION("charts.kind.duration", "checkpoint-duration"),
    SIZE("charts.kind.size", "checkpoint-size");

    private final String title;
    private final String fileName;

    ChartKind(String titleKey, String fileName) {
        this.title = Texts.get(titleKey);
        this.fileName = fileName;
    }

    public String title() {
        return title;
    }

    public String fileName() {
        return fileName;
    }
}
