package org.checkpointlab.model.pipeline;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.checkpointlab.model.util.AtomicFiles;

/**
 * Reads and writes pipeline files (format {@value PipelineSpec#CURRENT_FORMAT}):
 * <pre>
 * {"format": 1, "name": "Word count", "chaining": true,
 *  "operators": [{"id": "words", "name": "Sentences", "kind": "sentence-source", "parallelism": 2,
 *                 "maxParallelism": 128, "params": {"count": 1000}}, ...],
 *  "edges": [{"from": "words", "to": "split", "partitioning": "forward"}, ...],
 *  "checkpointing": {"interval": "1s", "mode": "exactly-once", "unaligned": false}}
 * </pre>
 * {@code chaining} (default true), an operator's {@code name} (default: its id), {@code maxParallelism},
 * {@code params}, {@code checkpointing} and {@code layout} (where the editor drew each operator's card:
 * {@code "layout": {"words": {"x": 40, "y": 120}, ...}}, which the engine ignores) are optional. The JSON must be strict, and unknown fields are errors,
 * so a typo is reported rather than ignored. Reading checks the form of the file only; whether the pipeline can
 * run is {@link PipelineValidator}'s job. Every problem starts with the source name (the file name). Reading is
 * {@link PipelineJsonReader}'s, writing {@link PipelineJsonWriter}'s; this class is their public face.
 */
public final class PipelineJson {

    private PipelineJson() {
    }

    /**
     * Reads a pipeline file (UTF-8).
     *
     * @throws PipelineException when the file cannot be read or is not a well-formed pipeline file; every
     *                           problem starts with the file name
     */
    public static PipelineSpec read(Path file) throws PipelineException {
        return readFile(file).spec();
    }

    /**
     * Reads a pipeline file (UTF-8) with its layout, the positions of the cards when it was saved from the editor.
     *
     * @throws PipelineException as {@link #read(Path)}
     */
    public static PipelineFile readFile(Path file) throws PipelineException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new PipelineException(source + ": is a directory, not a pipeline file (" + file + ")");
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PipelineException(source + ": file not found (" + file.toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw new PipelineException(source + ": cannot read the file, permission denied (" + file + ")");
        } catch (MalformedInputException e) {
            throw new PipelineException(source + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new PipelineException(source + ": cannot read the file: " + e.getMessage());
        }
        return parseFile(source, json);
    }

    /**
     * Parses the text of a pipeline file.
     *
     * @param sourceName where the text comes from (a file name), the start of every problem
     * @throws PipelineException with {@code "<sourceName>: line L, column C: <what>"} for malformed JSON, or with
     *                           every problem of the file's structure (unknown fields, missing fields, values of
     *                           the wrong type, each naming the operator or edge and the field)
     */
    public static PipelineSpec parse(String sourceName, String json) throws PipelineException {
        return parseFile(sourceName, json).spec();
    }

    /** Parses the text of a pipeline file with its layout; problems as {@link #parse(String, String)}. */
    public static PipelineFile parseFile(String sourceName, String json) throws PipelineException {
        return PipelineJsonReader.parseFile(sourceName, json);
    }

    /**
     * The pipeline as pretty-printed JSON with a stable field order: parameters in the order of their kind's
     * declaration, the checkpointing section in {@link CheckpointOptionsJson#KEYS} order, unknown names after
     * them alphabetically; whole numbers without {@code .0}. {@code parse(s, toJson(p))} equals {@code p}
     * whenever {@code p}'s numbers are {@link Long} or non-integral {@link Double} (as {@code parse} gives them).
     *
     * @throws IllegalArgumentException when a parameter value cannot be written as JSON (e.g. NaN, a list)
     */
    public static String toJson(PipelineSpec spec) {
        return toJson(spec, Map.of());
    }

    /**
     * As {@link #toJson(PipelineSpec)}, with a {@code layout} section after the others holding {@code layout}'s
     * positions (operators of the pipeline only, in operator order, to a tenth of a pixel); none when it is empty.
     */
    public static String toJson(PipelineSpec spec, Map<String, CardPosition> layout) {
        return PipelineJsonWriter.toJson(spec, layout);
    }

    /** Writes {@code spec} to {@code file} atomically (a temporary file in the same directory, then a move). */
    public static void write(PipelineSpec spec, Path file) throws IOException {
        write(spec, Map.of(), file);
    }

    /** Writes {@code spec} with the cards' {@code layout} to {@code file} atomically. */
    public static void write(PipelineSpec spec, Map<String, CardPosition> layout, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(spec, layout));
    }
}
