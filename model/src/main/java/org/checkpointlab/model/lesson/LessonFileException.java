package org.checkpointlab.model.lesson;

/** A lesson file that cannot be used, with the file and line where the problem is. */
public final class LessonFileException extends Exception {
    private final String file;
    private final int line;

    /**
     * @param file the file's name as the user knows it
     * @param line 1-based line, or 0 when the problem is the whole file
     * @param what what is wrong, in words an instructor understands
     */
    public LessonFileException(String file, int line, String what) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + what);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line of the problem, 0 when none. */
    public int line() {
        return line;
    }
}
