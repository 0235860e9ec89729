package org.checkpointlab.views.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.checkpointlab.model.lesson.Lesson;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.graph.PipelineGraphView;

/**
 * Lessons in the main window: a Help &gt; Lessons menu listing the lessons of the {@link LessonCatalog}, the lesson
 * panel beside the graph (shown while a lesson is open), the highlight of what a step points at, and the things the
 * user does that a step may wait for (which tab is selected: {@code tab:NAME}). A lesson opens its pipeline like a
 * sample (File &gt; Samples): the window asks before it stops a running job or drops the user's unsaved edits, but
 * not before it drops another lesson's exercise.
 */
public final class Lessons implements LessonHost {
    private final MainViewModel main;
    private final LessonCatalog catalog;
    private final LessonViewModel viewModel;
    private final LessonView view;
    private final LessonHighlighter highlighter;
    private final BorderPane editorPane;
    private Path lessonPipelines;
    private Runnable whenOpened = () -> { };

    /**
     * @param main       the window's view model (opens the lesson's pipeline, runs its job)
     * @param graph      the graph, whose cards and edges a step may point at
     * @param tabs       the panels' tabs under the graph
     * @param editorPane the pane of the graph; the lesson panel goes to its right
     * @param catalog    the lessons on offer
     * @param locale     the language of the lessons and the panel
     */
    public Lessons(MainViewModel main, PipelineGraphView graph, TabPane tabs, BorderPane editorPane,
                   LessonCatalog catalog, Locale locale) {
        this.main = main;
        this.catalog = catalog;
        this.editorPane = editorPane;
        this.viewModel = new LessonViewModel(main.session(), this, new LessonTexts(locale));
        this.view = new LessonView(viewModel);
        this.highlighter = new LessonHighlighter(graph, tabs);
        viewModel.lessonProperty().addListener((obs, old, lesson) -> {
            editorPane.setRight(lesson == null ? null : view.root());
            highlighter.apply(viewModel.highlightProperty().get());
        });
        viewModel.highlightProperty().addListener((obs, old, target) -> highlighter.apply(target));
        // Cards are rebuilt when the graph changes; mark the target again on the frames that sample.
        main.session().onSample((snapshot, now) -> highlighter.apply(viewModel.highlightProperty().get()));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && tab.getId() != null && tab.getId().startsWith("tab-")) {
                viewModel.userDid("tab:" + tab.getId().substring(4));
            }
        });
    }

    /** Lessons in the UI's language ({@link org.checkpointlab.views.i18n.Texts#locale()}), from {@code <samples>/lessons}. */
    public static Lessons install(MainViewModel main, PipelineGraphView graph, TabPane tabs, MenuBar menuBar) {
        BorderPane editorPane = (BorderPane) graph.getParent().getParent();
        Lessons lessons = new Lessons(main, graph, tabs, editorPane,
                LessonCatalog.besideSamples(main.samplesDirectory()), org.checkpointlab.views.i18n.Texts.locale());
        menuBar.getMenus().add(lessons.helpMenu());
        return lessons;
    }

    /** Runs {@code action} each time a lesson's pipeline opened, before its job starts (the window picks its engine). */
    public void whenOpened(Runnable action) {
        whenOpened = java.util.Objects.requireNonNull(action, "action");
    }

    public LessonViewModel viewModel() {
        return viewModel;
    }

    public LessonView view() {
        return view;
    }

    public LessonHighlighter highlighter() {
        return highlighter;
    }

    public LessonCatalog catalog() {
        return catalog;
    }

    /** Help &gt; Lessons, listing the lessons each time it opens. */
    Menu helpMenu() {
        LessonTexts texts = viewModel.texts();
        Menu lessons = new Menu(texts.get("menu.lessons"));
        lessons.setId("lessons-menu");
        lessons.getItems().add(new MenuItem()); // a submenu with no item never opens
        lessons.setOnShowing(e -> fillLessons(lessons));
        fillLessons(lessons);
        Menu help = new Menu(texts.get("menu.help"));
        help.setId("help-menu");
        help.getItems().add(lessons);
        return help;
    }

    private void fillLessons(Menu menu) {
        menu.getItems().clear();
        Locale locale = viewModel.texts().locale();
        for (LessonCatalog.Entry entry : catalog.entries()) {
            MenuItem item;
            if (entry.readable()) {
                item = new MenuItem(entry.lesson().title().in(locale));
                item.setId("lesson-" + entry.lesson().id());
                item.setOnAction(e -> open(entry.lesson()));
            } else {
                item = new MenuItem(viewModel.texts().get("menu.brokenLesson", entry.file().getFileName()));
                item.setOnAction(e -> showProblems(List.of(entry.problem().getMessage())));
            }
            item.setMnemonicParsing(false);
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(viewModel.texts().get("menu.noLessons",
                    catalog.directory().toAbsolutePath().normalize()));
            none.setDisable(true);
            none.setMnemonicParsing(false);
            menu.getItems().add(none);
        }
    }

    /**
     * Opens the lesson named {@code name} (its id or file name), as {@code gui --lesson NAME} does.
     *
     * @return the problems that stopped it; empty when it opened
     */
    public List<String> open(String name) {
        Optional<LessonCatalog.Entry> entry = catalog.find(name);
        if (entry.isEmpty()) {
            return List.of(viewModel.texts().get("error.unknown", name, String.join(", ", catalog.names())));
        }
        if (!entry.get().readable()) {
            return List.of(entry.get().problem().getMessage());
        }
        return viewModel.open(entry.get().lesson());
    }

    private void open(Lesson lesson) {
        List<String> problems = viewModel.open(lesson);
        if (!problems.isEmpty()) {
            showProblems(problems);
        }
    }

    /** Opens the lesson's pipeline like a sample (no file of its own: Save asks where), at the lesson's speed. */
    @Override
    public List<String> openLesson(Lesson lesson, double speed) {
        Path file;
        try {
            if (lessonPipelines == null) {
                lessonPipelines = Files.createTempDirectory("checkpoint-lab-lessons");
                lessonPipelines.toFile().deleteOnExit();
            }
            file = lessonPipelines.resolve(lesson.id() + ".json");
            PipelineJson.write(lesson.pipeline(), file);
            file.toFile().deleteOnExit();
        } catch (IOException | UncheckedIOException e) {
            return List.of(org.checkpointlab.views.i18n.Texts.format("lesson.cannotPrepare", e.getMessage()));
        }
        if (!main.openLesson(file, lesson.title().in(viewModel.texts().locale()))) {
            var failure = main.failureProperty().get();
            return failure != null ? failure.problems() : List.of(main.statusProperty().get());
        }
        whenOpened.run();
        main.live().pausedProperty().set(false);
        main.live().speedProperty().set(speed);
        return List.of();
    }

    private void showProblems(List<String> problems) {
        Alert alert = new Alert(Alert.AlertType.ERROR, String.join("\n", problems));
        alert.setHeaderText(viewModel.texts().get("error.title"));
        if (editorPane.getScene() != null) {
            alert.initOwner(editorPane.getScene().getWindow());
        }
        alert.show();
    }
}
