package org.checkpointlab.views.engine;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.checkpointlab.model.client.JobEngine;

/**
 * The engine choice on screen: a choice box before Run in the toolbar, an Engine submenu of the Job menu (both
 * disabled while a job runs), and in the live strip what the chosen engine refuses of the open pipeline, its
 * preparation, and what the shown job's engine cannot show.
 */
public final class EngineChoiceView {
    /** Style classes, for the stylesheet and tests. */
    public static final String CHOICE_ID = "engine-choice";
    public static final String REFUSAL_ID = "engine-refusal";
    public static final String STATE_ID = "engine-state";
    public static final String NOTICE_ID = "engine-notice";

    private final EngineChoiceViewModel viewModel;
    private final EngineTexts texts;

    public EngineChoiceView(EngineChoiceViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = EngineTexts.forDefaultLocale();
    }

    public EngineChoiceViewModel viewModel() {
        return viewModel;
    }

    /**
     * Puts the choice into {@code toolbar} before {@code runButton}, an Engine submenu at the end of
     * {@code jobMenu}, and the engine's messages at the start of the live {@code strip}.
     */
    public void install(ToolBar toolbar, Node runButton, Menu jobMenu, HBox strip) {
        int at = Math.max(0, toolbar.getItems().indexOf(runButton));
        Label caption = new Label(texts.get("engine.caption"));
        caption.getStyleClass().add("toolbar-caption");
        caption.setMinWidth(Label.USE_PREF_SIZE);
        toolbar.getItems().addAll(at, java.util.List.of(caption, choiceBox(), new Separator()));
        jobMenu.getItems().add(submenu());
        strip.getChildren().addAll(0, java.util.List.of(
                stripLabel(REFUSAL_ID, "strip-run-problem", viewModel.refusalProperty()),
                stripLabel(STATE_ID, "strip-checkpoint", viewModel.stateProperty()),
                notice()));
    }

    private ChoiceBox<JobEngine> choiceBox() {
        ChoiceBox<JobEngine> box = new ChoiceBox<>();
        box.setId(CHOICE_ID);
        box.setMinWidth(ChoiceBox.USE_PREF_SIZE);
        box.getItems().setAll(viewModel.engines());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(JobEngine engine) {
                return viewModel.nameOf(engine);
            }

            @Override
            public JobEngine fromString(String name) {
                return viewModel.engines().stream().filter(e -> viewModel.nameOf(e).equals(name)).findFirst()
                        .orElse(null);
            }
        });
        box.valueProperty().bindBidirectional(viewModel.engineProperty());
        box.disableProperty().bind(viewModel.choosableProperty().not());
        box.setTooltip(new Tooltip(texts.get("engine.tooltip")));
        return box;
    }

    private Menu submenu() {
        Menu menu = new Menu(texts.get("menu.engine"));
        menu.setId("engine-menu");
        ToggleGroup group = new ToggleGroup();
        for (JobEngine engine : viewModel.engines()) {
            RadioMenuItem item = new RadioMenuItem(viewModel.nameOf(engine));
            item.setId("engine-" + engine.id());
            item.setMnemonicParsing(false);
            item.setToggleGroup(group);
            item.setSelected(viewModel.engineProperty().get() == engine);
            item.setOnAction(event -> viewModel.engineProperty().set(engine));
            viewModel.engineProperty().addListener((obs, old, now) -> item.setSelected(now == engine));
            menu.getItems().add(item);
        }
        menu.disableProperty().bind(viewModel.choosableProperty().not());
        return menu;
    }

    private Label notice() {
        Label label = stripLabel(NOTICE_ID, "strip-recovery", viewModel.noticeProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(viewModel.noticeDetailProperty());
        why.setWrapText(true);
        why.setMaxWidth(520);
        label.setTooltip(why);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label stripLabel(String id, String styleClass,
                                    javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(text);
        var shown = Bindings.isNotEmpty(text);
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
        label.setWrapText(false);
        return label;
    }
}
