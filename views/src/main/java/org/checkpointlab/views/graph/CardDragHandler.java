package org.checkpointlab.views.graph;

import java.util.Set;

/**
 * What a {@link PipelineGraphView} asks while the user drags cards: which cards move together with the grabbed
 * one (the editor's selection), and what to do once the drag ends (the editor records one undoable move). Without
 * a handler a drag moves the grabbed card alone and is forgotten.
 */
public interface CardDragHandler {
    /** Ids of the operators whose cards move along with the grabbed one (the grabbed one may be included). */
    Set<String> dragGroup(String grabbedId);

    /** Called once per drag, on release, when the cards moved by {@code dx, dy} graph pixels. */
    void dragFinished(Set<String> operatorIds, double dx, double dy);
}
