package org.checkpointlab.views.editor;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.ParamSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.views.editor.model.EdgeRef;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.editor.model.Selection;
import org.checkpointlab.views.i18n.Texts;

/**
 * The inspector: edits what is selected on the canvas. For one operator: id, name, parallelism, max parallelism
 * and each parameter of its kind (a typed control with the default and the allowed values as prompt; a value the
 * parameter refuses is marked and explained under the field and not applied). For one edge: its ends and the
 * partitioning. For more: how many are selected and a Delete button. For none: the pipeline's name. Text fields apply on Enter or when they lose
 * the focus; every change is one command of the {@link EditorViewModel}.
 */
public final class InspectorView extends VBox {
    private final EditorViewModel viewModel;
    /** What the inspector shows now, so that it is rebuilt only when that changes (not on every move). */
    private Object shown;

    public InspectorView(EditorViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add(EditorStyles.INSPECTOR);
        setId("inspector");
        setSpacing(4);
        viewModel.pipelineProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        EditablePipeline p = viewModel.pipeline();
        Selection s = p.selection();
        Object now;
        if (s.operators().size() == 1 && s.edges().isEmpty()) {
            now = p.operator(s.operators().iterator().next()).orElse(null);
        } else if (s.operators().isEmpty() && s.edges().size() == 1) {
            EdgeRef ref = s.edges().iterator().next();
            now = p.edge(ref.from(), ref.to()).orElse(null);
        } else if (s.isEmpty()) {
            now = new PipelineShown(p.spec().name());
        } else {
            now = s;
        }
        if (Objects.equals(now, shown) && !getChildren().isEmpty()) {
            return;
        }
        shown = now;
        boolean hadFocus = hasFocusInside();
        getChildren().clear();
        if (now instanceof OperatorSpec op) {
            showOperator(op);
        } else if (now instanceof EdgeSpec edge) {
            showEdge(edge);
        } else if (now instanceof PipelineShown pipeline) {
            title(Texts.get("inspector.pipeline.title"), Texts.get("inspector.pipeline.description"));
            textField(Texts.get("inspector.name"), "pipeline-name", pipeline.name(), Texts.get("inspector.pipeline.name.tip"),
                    v -> v.isBlank() ? Optional.of(Texts.get("inspector.notBlank")) : Optional.empty(),
                    v -> viewModel.setPipelineName(v.trim()));
            hint(Texts.get("inspector.pipeline.hint"));
        } else {
            showMany(s);
        }
        if (hadFocus) {
            // The focused field is gone; keep the focus here rather than let it jump to another text field,
            // so that Ctrl+Z after Enter undoes the edit just made.
            requestFocus();
        }
    }

    /** The inspector shows the pipeline itself (nothing is selected), named {@code name}. */
    private record PipelineShown(String name) {
    }

    private boolean hasFocusInside() {
        if (getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }

    private void showOperator(OperatorSpec op) {
        Optional<OperatorKind> kind = OperatorKind.byJsonName(op.kind());
        title(op.kind(), kind.map(OperatorKind::description).orElse(Texts.get("inspector.kind.unknown")));
        textField(Texts.get("inspector.id"), "id", op.id(), Texts.get("inspector.id.tip"),
                v -> v.isBlank() ? Optional.of(Texts.get("inspector.notBlank")) : Optional.empty(),
                v -> viewModel.rename(op.id(), v.trim()));
        textField(Texts.get("inspector.name"), "name", op.name(), Texts.get("inspector.name.tip"),
                v -> v.isBlank() ? Optional.of(Texts.get("inspector.notBlank")) : Optional.empty(),
                v -> viewModel.setName(op.id(), v.trim()));
        textField(Texts.get("inspector.parallelism"), "parallelism", String.valueOf(op.parallelism()),
                Texts.get("inspector.parallelism.tip"),
                v -> wholeNumber(v, 1, PipelineValidator.UPPER_BOUND_MAX_PARALLELISM),
                v -> viewModel.setParallelism(op.id(), Integer.parseInt(v.trim())));
        textField(Texts.get("inspector.maxParallelism"), "max-parallelism", op.maxParallelism() == null ? "" : op.maxParallelism()
                        .toString(), Texts.get("inspector.maxParallelism.tip"),
                v -> v.isBlank() ? Optional.empty() : wholeNumber(v, 1, PipelineValidator.UPPER_BOUND_MAX_PARALLELISM),
                v -> viewModel.setMaxParallelism(op.id(), v.isBlank() ? null : Integer.valueOf(v.trim())),
                Texts.get("inspector.maxParallelism.prompt"));
        kind.ifPresent(k -> {
            for (ParamSpec param : k.params()) {
                paramControl(op, param);
            }
        });
        deleteButton(Texts.format("inspector.delete.operator", op.id()));
    }

    private void paramControl(OperatorSpec op, ParamSpec param) {
        Object value = op.params().get(param.name());
        String tip = param.defaultValue() == null ? Texts.format("inspector.param.tip", param.description(),
                param.constraint()) : Texts.format("inspector.param.tip.default", param.description(),
                param.constraint(), param.defaultValue());
        switch (param.type()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox(param.name());
                box.setId("param-" + param.name());
                box.setSelected(Boolean.TRUE.equals(value != null ? value : param.defaultValue()));
                box.setTooltip(new Tooltip(tip));
                box.setOnAction(e -> viewModel.setParam(op.id(), param.name(), box.isSelected()));
                getChildren().add(box);
                note(tip);
            }
            case ENUM -> {
                label(param.name());
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.setId("param-" + param.name());
                choice.getItems().setAll(param.allowedValues());
                choice.setValue(String.valueOf(value != null ? value : param.defaultValue()));
                choice.setTooltip(new Tooltip(tip));
                choice.setOnAction(e -> viewModel.setParam(op.id(), param.name(), choice.getValue()));
                getChildren().add(choice);
                note(tip);
            }
            default -> textField(param.name(), "param-" + param.name(), value == null ? "" : String.valueOf(value),
                    tip, text -> paramProblem(param, text),
                    text -> viewModel.setParam(op.id(), param.name(),
                            text.isBlank() ? null : parse(param, text).orElseThrow()),
                    param.defaultValue() == null ? Texts.get("inspector.param.none")
                            : Texts.format("inspector.param.default", param.defaultValue()));
        }
    }

    /** Why a typed text is no value for the parameter; empty when it is one (or blank: back to the default). */
    static Optional<String> paramProblem(ParamSpec param, String text) {
        if (text.isBlank()) {
            return param.required() ? Optional.of(Texts.get("inspector.required")) : Optional.empty();
        }
        Optional<Object> value = parse(param, text);
        if (value.isEmpty()) {
            return Optional.of(Texts.format("inspector.mustBe", param.constraint(), text.trim()));
        }
        return param.problem(value.get());
    }

    private static Optional<Object> parse(ParamSpec param, String text) {
        String t = text.trim();
        try {
            return switch (param.type()) {
                case LONG -> Optional.of(Long.parseLong(t));
                case DOUBLE -> Optional.of(Double.parseDouble(t));
                default -> Optional.of(text);
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> wholeNumber(String text, int min, int max) {
        try {
            long v = Long.parseLong(text.trim());
            if (v < min || v > max) {
                return Optional.of(Texts.format("inspector.range", min, max, v));
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(Texts.format("inspector.wholeNumber", text.trim()));
        }
    }

    private void showEdge(EdgeSpec edge) {
        title(edge.from() + " \u2192 " + edge.to(), Texts.format("inspector.edge.description",
                edge.from(), edge.to()));
        label(Texts.get("inspector.partitioning"));
        ChoiceBox<Partitioning> choice = new ChoiceBox<>();
        choice.setId("partitioning");
        choice.getItems().setAll(Partitioning.values());
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Partitioning p) {
                return p == null ? "" : p.jsonName();
            }

            @Override
            public Partitioning fromString(String s) {
                return Partitioning.valueOf(s);
            }
        });
        choice.setValue(edge.partitioning());
        choice.setOnAction(e -> {
            if (choice.getValue() != edge.partitioning()
                    && !viewModel.setPartitioning(edge.from(), edge.to(), choice.getValue())) {
                choice.setValue(edge.partitioning());
            }
        });
        getChildren().add(choice);
        note(Texts.get("inspector.partitioning.note"));
        deleteButton(Texts.get("editor.edge.delete"));
    }

    private void showMany(Selection s) {
        title(Texts.format("inspector.many.title", s.operators().size(), s.edges().size()),
                Texts.get("inspector.many.description"));
        deleteButton(Texts.format("inspector.delete.selected", s.operators().size() + s.edges().size()));
    }

    private void deleteButton(String text) {
        Button delete = new Button(text);
        delete.setId("inspector-delete");
        delete.setOnAction(e -> viewModel.deleteSelection());
        delete.setTooltip(new Tooltip(Texts.get("inspector.delete.tooltip")));
        VBox.setMargin(delete, new javafx.geometry.Insets(8, 0, 0, 0));
        getChildren().add(delete);
    }

    private void title(String text, String description) {
        Label title = new Label(text);
        title.getStyleClass().add(EditorStyles.INSPECTOR_TITLE);
        title.setWrapText(true);
        getChildren().add(title);
        note(description);
    }

    private void hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add(EditorStyles.INSPECTOR_HINT);
        hint.setWrapText(true);
        getChildren().add(hint);
    }

    private void note(String text) {
        Label note = new Label(text);
        note.getStyleClass().add(EditorStyles.INSPECTOR_HINT);
        note.setWrapText(true);
        getChildren().add(note);
    }

    private void label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(EditorStyles.INSPECTOR_LABEL);
        getChildren().add(label);
    }

    private void textField(String caption, String id, String value, String tip,
                           Function<String, Optional<String>> problem, Predicate<String> apply) {
        textField(caption, id, value, tip, problem, apply, null);
    }

    /**
     * A labelled text field that checks its text as the user types (marking it and saying what is wrong below it)
     * and applies a valid, changed text on Enter or when it loses the focus; Escape puts the value back.
     */
    private void textField(String caption, String id, String value, String tip,
                           Function<String, Optional<String>> problem, Predicate<String> apply, String prompt) {
        label(caption);
        TextField field = new TextField(value);
        field.setId("inspector-" + id);
        field.setTooltip(new Tooltip(tip));
        if (prompt != null) {
            field.setPromptText(prompt);
        }
        Label error = new Label();
        error.getStyleClass().add(EditorStyles.FIELD_ERROR);
        error.setId("inspector-" + id + "-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        Runnable check = () -> {
            Optional<String> p = problem.apply(field.getText());
            field.pseudoClassStateChanged(EditorStyles.ERROR, p.isPresent());
            error.setText(p.map(m -> Texts.format("inspector.field.problem", caption, m)).orElse(""));
            error.setVisible(p.isPresent());
            error.setManaged(p.isPresent());
        };
        boolean[] applied = {false};
        Runnable commit = () -> {
            if (applied[0] || field.getParent() == null) {
                return;
            }
            check.run();
            if (!field.getText().equals(value) && problem.apply(field.getText()).isEmpty()) {
                if (apply.test(field.getText())) {
                    applied[0] = true;
                } else {
                    field.setText(value);
                    check.run();
                }
            }
        };
        field.textProperty().addListener((obs, old, now) -> check.run());
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(value);
            }
        });
        getChildren().addAll(field, error);
    }
}
