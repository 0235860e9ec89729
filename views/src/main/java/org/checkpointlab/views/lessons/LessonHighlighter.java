package org.checkpointlab.views.lessons;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.checkpointlab.model.lesson.Highlight;
import org.checkpointlab.views.graph.EdgeView;
import org.checkpointlab.views.graph.OperatorCard;
import org.checkpointlab.views.graph.PipelineGraphView;
import org.checkpointlab.views.graph.SubtaskBox;

/**
 * Marks the part of the window a lesson step points at with the {@code :lesson-target} pseudo-class (styled in
 * the main window's {@code checkpoint-lab.css}): an operator card or one of its subtask boxes, the edge between two operators, a panel tab,
 * or the checkpoint timeline (and its tab). The graph's cards are rebuilt when the pipeline changes (a rescale), so
 * {@link #apply} is called again on every sample; it costs a lookup of the few marked nodes.
 */
public final class LessonHighlighter {
    /** The pseudo-class of the highlighted part. */
    public static final PseudoClass TARGET = PseudoClass.getPseudoClass("lesson-target");

    private final PipelineGraphView graph;
    private final TabPane tabs;
    private final List<Styleable> marked = new ArrayList<>();

    public LessonHighlighter(PipelineGraphView graph, TabPane tabs) {
        this.graph = graph;
        this.tabs = tabs;
    }

    /** What is marked now (for tests). */
    public List<Styleable> marked() {
        return List.copyOf(marked);
    }

    /** Marks {@code target} (nothing for {@code null}) and unmarks what was marked before. */
    public void apply(Highlight target) {
        List<Styleable> now = targets(target);
        if (now.equals(marked)) {
            return;
        }
        for (Styleable s : marked) {
            mark(s, false);
        }
        marked.clear();
        marked.addAll(now);
        for (Styleable s : marked) {
            mark(s, true);
        }
    }

    private List<Styleable> targets(Highlight target) {
        List<Styleable> found = new ArrayList<>();
        if (target instanceof Highlight.Operator op) {
            graph.card(op.operatorId()).ifPresent(card -> {
                if (op.subtask() < 0) {
                    found.add(card);
                } else {
                    subtaskBox(card, op.subtask()).ifPresentOrElse(found::add, () -> found.add(card));
                }
            });
        } else if (target instanceof Highlight.Edge edge) {
            for (EdgeView view : graph.edgeViews()) {
                if (view.edge().from().id().equals(edge.from()) && view.edge().to().id().equals(edge.to())) {
                    found.add(view);
                }
            }
        } else if (target instanceof Highlight.Tab tab) {
            tab(tab.name()).ifPresent(found::add);
        } else if (target instanceof Highlight.Timeline) {
            tab("checkpoints").ifPresent(found::add);
            if (tabs.getScene() != null) {
                Node timeline = tabs.getScene().lookup("#timelineHost");
                if (timeline != null) {
                    found.add(timeline);
                }
            }
        }
        return found;
    }

    private static java.util.Optional<SubtaskBox> subtaskBox(OperatorCard card, int index) {
        return card.subtaskBoxes().stream().filter(b -> b.index() == index).findFirst();
    }

    private java.util.Optional<Tab> tab(String name) {
        return tabs.getTabs().stream().filter(t -> ("tab-" + name).equals(t.getId())).findFirst();
    }

    private static void mark(Styleable s, boolean on) {
        if (s instanceof Node node) {
            node.pseudoClassStateChanged(TARGET, on);
        } else if (s instanceof Tab tab) {
            // A Tab is not a Node: its header is; style classes reach it.
            if (on) {
                tab.getStyleClass().add("lesson-target-tab");
            } else {
                tab.getStyleClass().remove("lesson-target-tab");
            }
        }
    }
}
