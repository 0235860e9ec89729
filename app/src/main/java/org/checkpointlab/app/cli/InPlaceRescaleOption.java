package org.checkpointlab.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.UnsupportedCapabilityException;
import org.checkpointlab.model.pipeline.OperatorSpec;

/**
 * {@code watch --rescale VERTEX=P}: asks the watched job to run job vertices (by name or id) at new parallelism in
 * place, through Flink's adaptive scheduler; the watch that follows shows the job restarting at it.
 */
final class InPlaceRescaleOption {
    private static final long ACCEPT_SECONDS = 60;

    private InPlaceRescaleOption() {
    }

    /**
     * Sends the rescale and says so on {@code err}.
     *
     * @return whether the cluster accepted it; when not, {@code err} says why (an unknown vertex, a parallelism out
     *         of range, a cluster whose scheduler cannot)
     */
    static boolean request(JobClient client, Map<String, Integer> wanted, String command, PrintWriter err)
            throws InterruptedException {
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            OperatorSpec vertex = client.pipeline().operators().stream()
                    .filter(op -> op.id().equals(e.getKey()) || op.name().equals(e.getKey())).findFirst()
                    .orElse(null);
            if (vertex == null) {
                err.println(command + ": --rescale: no vertex '" + e.getKey() + "' in the job (its vertices: "
                        + String.join(", ", client.pipeline().operators().stream().map(OperatorSpec::name).toList())
                        + ")");
                return false;
            }
            byId.put(vertex.id(), e.getValue());
        }
        try {
            client.rescaleInPlace(byId).get(ACCEPT_SECONDS, TimeUnit.SECONDS);
        } catch (UnsupportedCapabilityException e) {
            err.println(command + ": --rescale: " + e.getMessage());
            return false;
        } catch (ExecutionException e) {
            err.println(command + ": --rescale: " + (e.getCause() == null ? e : e.getCause()).getMessage());
            return false;
        } catch (TimeoutException e) {
            err.println(command + ": --rescale: the cluster did not answer within " + ACCEPT_SECONDS + " s");
            return false;
        }
        err.printf(Locale.ROOT, "rescale in place requested: %s; the job restarts from its latest checkpoint at the "
                + "new parallelism once the cluster has the task slots%n", wanted);
        err.flush();
        return true;
    }
}
