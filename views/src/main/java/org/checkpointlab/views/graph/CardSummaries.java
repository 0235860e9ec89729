package org.checkpointlab.views.graph;

import java.util.Collection;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Pane;

/**
 * The cards' summaries while the graph is zoomed out below {@link PipelineGraphView#TEXT_ZOOM} (a big pipeline
 * fitted to the window): over the top of each card, where its name and detail line would be a few pixels high,
 * a label in screen-sized print (10 px) with the operator's name and parallelism; the card's subtask boxes stay
 * visible under it as a bar of the subtasks' colours. The label may reach into most of the gap after the card, so
 * at the zoom that fits twenty operators into a 1600-pixel window it holds about 15 characters (longer names end
 * in an ellipsis; the subtask boxes' tooltips name the operator in full); zoomed in, the cards show their full detail and
 * the summaries are hidden. Mouse-transparent: clicks reach the cards under it. Placed by bindings on the view's
 * pan and zoom and on the cards' positions, so it costs nothing per frame.
 */
final class CardSummaries extends Pane {
    /** Style class of the layer, and of one summary. */
    static final String LAYER = "card-summaries";
    static final String SUMMARY = "card-summary";
    /** Part of the gap after a card a summary may reach into. */
    static final double GAP_USE = 0.9;
    /** Graph height of the part of a card a summary covers: its padding, title and detail lines. */
    static final double COVERED = CardMetrics.PADDING + CardMetrics.TITLE_HEIGHT + CardMetrics.SPACING
            + CardMetrics.DETAIL_HEIGHT + CardMetrics.SPACING;

    private final ReadOnlyDoubleProperty zoom;
    private final DoubleProperty panX;
    private final DoubleProperty panY;

    CardSummaries(ReadOnlyDoubleProperty zoom, DoubleProperty panX, DoubleProperty panY) {
        this.zoom = zoom;
        this.panX = panX;
        this.panY = panY;
        getStyleClass().add(LAYER);
        setMouseTransparent(true);
        setPickOnBounds(false);
        visibleProperty().bind(zoom.lessThan(PipelineGraphView.TEXT_ZOOM));
    }

    /** The text of a card's summary: its name and parallelism. */
    static String text(OperatorNode node) {
        return node.name() + " \u00b7 p" + node.parallelism();
    }

    /** One summary per card, replacing the previous ones. */
    void show(Collection<OperatorCard> cards) {
        getChildren().clear();
        for (OperatorCard card : cards) {
            OperatorNode node = card.node();
            Label summary = new Label(text(node));
            summary.getStyleClass().addAll(SUMMARY, node.role().styleClass());
            summary.setId("summary-" + node.id());
            summary.setTextOverrun(OverrunStyle.ELLIPSIS);
            summary.setManaged(false);
            DoubleBinding x = Bindings.createDoubleBinding(() -> panX.get() + zoom.get() * node.x(),
                    panX, zoom, node.xProperty());
            DoubleBinding y = Bindings.createDoubleBinding(() -> panY.get() + zoom.get() * node.y(),
                    panY, zoom, node.yProperty());
            DoubleBinding width = zoom.multiply(node.width() + GAP_USE * CardMetrics.LAYER_GAP);
            DoubleBinding height = zoom.multiply(COVERED);
            summary.layoutXProperty().bind(x);
            summary.layoutYProperty().bind(y);
            summary.minWidthProperty().bind(zoom.multiply(node.width()));
            summary.maxWidthProperty().bind(width);
            summary.prefHeightProperty().bind(height);
            summary.minHeightProperty().bind(height);
            summary.maxHeightProperty().bind(height);
            getChildren().add(summary);
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        for (var child : getChildren()) {
            if (child instanceof Label summary) {
                double w = Math.max(summary.getMinWidth(), Math.min(summary.prefWidth(-1), summary.getMaxWidth()));
                summary.resize(w, summary.getMinHeight());
            }
        }
    }
}
