package org.checkpointlab.views.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The lesson panel ({@code LessonView.fxml}): binds the step's texts, the question's answers, the status and the
 * Back / Next / Restart buttons to a {@link LessonViewModel}; holds no state of its own.
 */
public final class LessonView {
    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");
    private static final PseudoClass READY = PseudoClass.getPseudoClass("ready");

    private final LessonViewModel viewModel;
    private final Parent root;

    @FXML private Label lessonTitle;
    @FXML private Label counter;
    @FXML private Label stepTitle;
    @FXML private Label stepText;
    @FXML private VBox lookBox;
    @FXML private Label lookText;
    @FXML private VBox doBox;
    @FXML private Label doText;
    @FXML private VBox choicesBox;
    @FXML private Label feedback;
    @FXML private Label status;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button restartButton;
    @FXML private Button closeButton;

    public LessonView(LessonViewModel viewModel) {
        this.viewModel = viewModel;
        URL fxml = LessonView.class.getResource("LessonView.fxml");
        if (fxml == null) {
            throw new UncheckedIOException(new IOException("LessonView.fxml is missing next to " + LessonView.class));
        }
        FXMLLoader loader = new FXMLLoader(fxml, viewModel.texts().bundle());
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load LessonView.fxml", e);
        }
    }

    public Parent root() {
        return root;
    }

    public LessonViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        lessonTitle.textProperty().bind(viewModel.lessonTitleProperty());
        counter.textProperty().bind(viewModel.counterProperty());
        stepTitle.textProperty().bind(viewModel.titleProperty());
        stepText.textProperty().bind(viewModel.textProperty());
        lookText.textProperty().bind(viewModel.lookProperty());
        doText.textProperty().bind(viewModel.actionProperty());
        showWhenNotEmpty(lookBox, lookText);
        showWhenNotEmpty(doBox, doText);
        feedback.textProperty().bind(viewModel.feedbackProperty());
        feedback.visibleProperty().bind(viewModel.feedbackProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());
        viewModel.answeredWrongProperty().addListener((obs, o, wrong) -> feedback.pseudoClassStateChanged(WRONG, wrong));
        status.textProperty().bind(viewModel.statusProperty());
        viewModel.completedProperty().addListener((obs, o, done) -> status.pseudoClassStateChanged(COMPLETE, done));
        backButton.disableProperty().bind(viewModel.canBackProperty().not());
        nextButton.disableProperty().bind(viewModel.completedProperty());
        // Once the step's event was seen, Next is what to press: the button is marked (not made the window's
        // default button, which would take Enter from every field of the window).
        viewModel.nextSuggestedProperty().addListener((obs, o, ready) -> nextButton.pseudoClassStateChanged(READY, ready));
        nextButton.pseudoClassStateChanged(READY, viewModel.nextSuggestedProperty().get());
        backButton.setId("lesson-back");
        nextButton.setId("lesson-next");
        restartButton.setId("lesson-restart");
        closeButton.setId("lesson-close");
        viewModel.choices().addListener((ListChangeListener<String>) c -> fillChoices());
        fillChoices();
        // A long text starts at its top again on every step.
        viewModel.stepIndexProperty().addListener((obs, o, n) -> root.lookupAll(".lesson-scroll")
                .forEach(n2 -> ((javafx.scene.control.ScrollPane) n2).setVvalue(0)));
    }

    private static void showWhenNotEmpty(VBox box, Label text) {
        box.visibleProperty().bind(Bindings.isNotEmpty(text.textProperty()));
        box.managedProperty().bind(box.visibleProperty());
    }

    private void fillChoices() {
        choicesBox.getChildren().clear();
        for (int i = 0; i < viewModel.choices().size(); i++) {
            int choice = i;
            Button button = new Button((char) ('A' + i) + ".  " + viewModel.choices().get(i));
            button.setId("lesson-choice-" + (i + 1));
            button.getStyleClass().add("lesson-choice");
            button.setWrapText(true);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> viewModel.answer(choice));
            choicesBox.getChildren().add(button);
        }
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void next() {
        viewModel.next();
    }

    @FXML
    private void restart() {
        viewModel.restart();
    }

    @FXML
    private void close() {
        viewModel.close();
    }
}
