package org.checkpointlab.views.editor;

/**
 * Asks the user before an action stops the running job (opening another pipeline, New): the job's state is lost
 * unless a savepoint was taken. The app shows an alert ({@code StopRunningJobAlert}); tests pass a lambda.
 */
@FunctionalInterface
public interface StopRunningJobPrompt {

    /**
     * @param jobName the running job's pipeline name
     * @param action  what would stop it, as a phrase for the question, e.g. {@code "opening broadcast.json"}
     * @return whether to go on and stop the job
     */
    boolean confirmStop(String jobName, String action);
}
