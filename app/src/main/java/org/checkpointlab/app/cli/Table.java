package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with a header row, each column as wide as its widest cell, two spaces between columns. Text
 * columns are left-aligned, number columns right-aligned.
 */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final String alignments;

    /**
     * @param alignments one letter per column: {@code L} left-aligned (text), {@code R} right-aligned (numbers)
     * @param header     the column names
     */
    Table(String alignments, String... header) {
        if (alignments.length() != header.length || !alignments.matches("[LR]*")) {
            throw new IllegalArgumentException("need one alignment letter (L or R) per column, got '" + alignments
                    + "' for " + header.length + " columns");
        }
        this.columns = header.length;
        this.alignments = alignments;
        rows.add(header);
    }

    Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table " + columns);
        }
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(alignments.charAt(c) == 'L' ? row[c] + pad : pad + row[c]);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
