package org.checkpointlab.views.editor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.checkpointlab.model.pipeline.CardPosition;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.SetPipelineName;
import org.checkpointlab.views.i18n.Texts;

/**
 * The pipeline being edited as a document: its edit history ({@link CommandStack}), the file Save writes to, whether
 * it has unsaved changes, and its name. A new pipeline and an opened sample have no file, so Save asks where to
 * write rather than overwriting a sample. Saving writes {@code edits().current().spec()} and its card positions
 * atomically with
 * {@link PipelineJson#write} and counts the state as saved; a pipeline with validation problems is saved too (it is
 * work in progress) and the problems are returned so the user can be told.
 *
 * <p>Card positions are saved too, in the file's {@code layout} section (the engine ignores it), so a pipeline
 * opens as it was arranged. No dialogs here; the main window's view model asks the user. FX thread only.
 */
public final class PipelineDocument {
    /** The name of a new pipeline, in the UI's language ("Untitled"); the file it is first saved as renames it. */
    public static String untitled() {
        return Texts.get("document.untitled");
    }

    private final CommandStack edits;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", untitled());

    /** A document over {@code edits}; nothing is open until {@link #startNew()} or {@link #opened}. */
    public PipelineDocument(CommandStack edits) {
        this.edits = Objects.requireNonNull(edits, "edits");
        edits.addListener(stack -> sync());
        sync();
    }

    public CommandStack edits() {
        return edits;
    }

    /** The file Save writes to; {@code null} for a new pipeline or an opened sample. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Whether the pipeline differs from what was last opened or saved. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** False until a pipeline is opened or a new one started. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The pipeline's name ({@link #untitled()} when it has none); follows renames. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public PipelineSpec spec() {
        return edits.current().spec();
    }

    /** Starts an empty pipeline named {@link #untitled()}, without a file; the history is cleared. */
    public void startNew() {
        file.set(null);
        open.set(true);
        edits.reset(EditablePipeline.empty(untitled()));
    }

    /**
     * Starts editing an opened pipeline; the history is cleared and it counts as saved.
     *
     * @param from the file Save will write to, or {@code null} (a sample: Save then asks where)
     */
    public void opened(EditablePipeline pipeline, Path from) {
        file.set(from);
        open.set(true);
        edits.reset(pipeline);
    }

    /**
     * Writes the pipeline to {@code target} (atomically; {@code .json} is appended when the name lacks it), marks it
     * saved and makes {@code target} the document's file. On failure nothing changes: the old file, if any, is
     * untouched and the pipeline stays unsaved.
     *
     * @return the validation problems of the saved pipeline; empty when it can run
     * @throws SaveFailed with a message naming the file and the reason
     */
    public List<String> saveTo(Path target) throws SaveFailed {
        Path destination = withJsonExtension(Objects.requireNonNull(target, "target"));
        // A pipeline still called untitled() takes the name of the file it is first saved as (title and file agree).
        SetPipelineName rename = untitled().equals(spec().name()) ? new SetPipelineName(baseName(destination)) : null;
        PipelineSpec spec = rename == null ? spec() : rename.apply(edits.current()).spec();
        Map<String, CardPosition> layout = new LinkedHashMap<>();
        edits.current().positions().forEach((id, at) -> layout.put(id, new CardPosition(at.x(), at.y())));
        try {
            PipelineJson.write(spec, layout, destination);
        } catch (IOException | RuntimeException e) {
            throw new SaveFailed(destination, reason(destination, e), e);
        }
        file.set(destination);
        if (rename != null) {
            edits.execute(rename);
        }
        edits.markSaved();
        return edits.current().problems();
    }

    /** The file name Save As proposes: the current file's name, else the pipeline name as a file name. */
    public String suggestedFileName() {
        Path current = file.get();
        if (current != null && current.getFileName() != null) {
            return current.getFileName().toString();
        }
        String slug = name.get().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return (slug.isEmpty() ? "pipeline" : slug) + ".json";
    }

    /** The file's name without {@code .json}, e.g. {@code "my-job"} for {@code my-job.json}. */
    static String baseName(Path file) {
        String fileName = file.getFileName() == null ? untitled() : file.getFileName().toString();
        String base = fileName.toLowerCase(Locale.ROOT).endsWith(".json")
                ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
        return base.isBlank() ? untitled() : base;
    }

    /** {@code file} with {@code .json} appended when its name does not end with it (any case). */
    public static Path withJsonExtension(Path file) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return file;
        }
        return file.resolveSibling(fileName + ".json");
    }

    private static String reason(Path file, Exception e) {
        String where = Texts.format("document.cannotWrite", file.toAbsolutePath());
        if (e instanceof AccessDeniedException) {
            return Texts.format("document.readOnly", where);
        }
        if (e instanceof NoSuchFileException) {
            return Texts.format("document.noFolder", where, file.toAbsolutePath().getParent());
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return where + ": " + fs.getReason();
        }
        return where + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private void sync() {
        unsaved.set(open.get() && edits.hasUnsavedChanges());
        String specName = edits.current().spec().name();
        name.set(specName == null || specName.isBlank() ? untitled() : specName);
    }

    /** A save that did not happen; the message names the file and why. Nothing was changed. */
    public static final class SaveFailed extends Exception {
        private final Path file;

        SaveFailed(Path file, String message, Throwable cause) {
            super(message, cause);
            this.file = file;
        }

        /** The file that could not be written. */
        public Path file() {
            return file;
        }
    }
}
