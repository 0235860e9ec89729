package org.checkpointlab.flink.submit;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.checkpointlab.flink.PipelineTranslator;
import org.checkpointlab.flink.RunRegistry;
import org.checkpointlab.flink.operators.FailurePlan;

/**
 * The job jar's entry class: translates the pipeline of its program arguments ({@link JarProgram#args()}) as
 * {@code run --engine flink} does and submits it, without waiting for its end, to whatever cluster runs the jar
 * ({@code StreamExecutionEnvironment.getExecutionEnvironment()}: the cluster's, under {@code POST /jars/:id/run}
 * or {@code flink run}). The job keeps its program in its global job parameters, for the app to restore it from.
 * The savepoint to start from is the jar run's ({@code savepointPath}, {@code flink run -s}).
 */
public final class JobJarMain {
    private JobJarMain() {
    }

    public static void main(String[] args) throws Exception {
        JarProgram program = JarProgram.fromArgs(args);
        PipelineTranslator translator = new PipelineTranslator(program.config(),
                RunRegistry.detachedRunId(program.fromSavepoint()), FailurePlan.none());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                Configuration.fromMap(program.flinkOptions()));
        env.getConfig().setGlobalJobParameters(ParameterTool.fromMap(program.jobParameters()));
        env.executeAsync(translator.translate(env));
    }
}
