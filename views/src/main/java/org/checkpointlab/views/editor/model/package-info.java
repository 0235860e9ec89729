/**
 * The pipeline editor's edit model, in plain Java without JavaFX: an immutable {@link
 * org.checkpointlab.views.editor.model.EditablePipeline} (a pipeline spec, operator positions and a selection),
 * {@link org.checkpointlab.views.editor.model.EditCommand}s that each turn one pipeline into the next or refuse
 * with an {@link org.checkpointlab.views.editor.model.EditRefused} reason, and the {@link
 * org.checkpointlab.views.editor.model.CommandStack} that applies them with undo, redo, a revision counter and
 * unsaved-changes tracking. The editor's views bind to this model; tests drive it directly.
 */
package org.checkpointlab.views.editor.model;
