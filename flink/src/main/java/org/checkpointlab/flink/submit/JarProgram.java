package org.checkpointlab.flink.submit;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.checkpointlab.flink.FlinkOptions;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.PipelineTranslator;
import org.checkpointlab.flink.operators.FailurePlan;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.CheckpointingConfig;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * What the job jar runs: the pipeline as it runs (parallelism overrides applied, the run's checkpoint options as
 * its checkpointing section), the records override, and the run's Flink job keys ({@link FlinkOptions#job()}
 * without the savepoint to restore, which the jar run names). It travels to the cluster as the jar's program
 * arguments, and the job keeps it in its global job parameters, so that the app reads it back from any job it
 * watches ({@code /jobs/:jid/config}, {@code execution-config.user-config}) and can start the pipeline again.
 *
 * @param pipeline      the pipeline as it runs
 * @param records       every source's {@code count} override, or null
 * @param flinkOptions  Flink keys of the job's configuration
 * @param fromSavepoint whether the run starts from a savepoint (its transactions are the old run's to commit)
 */
public record JarProgram(PipelineSpec pipeline, Long records, Map<String, String> flinkOptions,
                         boolean fromSavepoint) {
    /** Global job parameter: the pipeline's JSON. */
    public static final String PIPELINE_PARAMETER = "checkpoint-lab.pipeline";
    /** Global job parameter: the Flink job keys, as a JSON object. */
    public static final String OPTIONS_PARAMETER = "checkpoint-lab.flink-options";
    /** Global job parameter: the records override. */
    public static final String RECORDS_PARAMETER = "checkpoint-lab.records";
    private static final Gson GSON = new Gson();
    private static final java.lang.reflect.Type STRING_MAP = new TypeToken<Map<String, String>>() { }.getType();

    public JarProgram {
        flinkOptions = Map.copyOf(flinkOptions);
    }

    /**
     * The program of {@code config}; its restore (if any) is left to the jar run.
     *
     * @throws FlinkRefusal naming what Flink cannot run of it
     */
    public static JarProgram of(JobConfig config) throws FlinkRefusal {
        PipelineSpec p = new PipelineTranslator(config, "jar-check", FailurePlan.none()).pipeline();
        PipelineSpec withOptions = new PipelineSpec(p.format(), p.name(), p.operators(), p.edges(),
                CheckpointingConfig.of(config.checkpointOptions()), p.chaining());
        return new JarProgram(withOptions, config.records(), FlinkOptions.of(config.withRestore(null)).job(),
                config.restore() != null);
    }

    /** This program with the keys {@code kept} selects taken from {@code earlier} (what a restore does not change). */
    public JarProgram keeping(JarProgram earlier, Predicate<String> kept) {
        Map<String, String> keys = new LinkedHashMap<>(flinkOptions);
        keys.keySet().removeIf(kept);
        earlier.flinkOptions.forEach((k, v) -> {
            if (kept.test(k)) {
                keys.put(k, v);
            }
        });
        return new JarProgram(pipeline, records, keys, fromSavepoint);
    }

    /** The configuration the app shows and restores: the pipeline, its checkpoint options, backend and records. */
    public JobConfig config() {
        StateBackendKind backend = "rocksdb".equals(flinkOptions.get("state.backend.type"))
                ? StateBackendKind.ROCKSDB : StateBackendKind.HASHMAP;
        return JobConfig.of(pipeline).withCheckpointOptions(pipeline.checkpointing().options())
                .withBackend(backend)
                .withIncremental(Boolean.parseBoolean(flinkOptions.get("execution.checkpointing.incremental")))
                .withRecords(records);
    }

    /** The jar's program arguments. */
    public List<String> args() {
        List<String> args = new ArrayList<>(List.of("--pipeline", PipelineJson.toJson(pipeline),
                "--flink-options", GSON.toJson(new java.util.TreeMap<>(flinkOptions))));
        if (records != null) {
            args.addAll(List.of("--records", records.toString()));
        }
        if (fromSavepoint) {
            args.add("--from-savepoint");
        }
        return args;
    }

    /**
     * The program the jar was given.
     *
     * @throws PipelineException naming the argument that is missing or wrong
     */
    public static JarProgram fromArgs(String[] args) throws PipelineException {
        Map<String, String> values = new LinkedHashMap<>();
        boolean fromSavepoint = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pipeline", "--flink-options", "--records" -> {
                    if (i + 1 >= args.length) {
                        throw new PipelineException("job jar: " + args[i] + " needs a value");
                    }
                    values.put(args[i], args[++i]);
                }
                case "--from-savepoint" -> fromSavepoint = true;
                default -> throw new PipelineException("job jar: unknown argument '" + args[i]
                        + "' (expected --pipeline JSON --flink-options JSON [--records N] [--from-savepoint])");
            }
        }
        if (!values.containsKey("--pipeline")) {
            throw new PipelineException("job jar: no --pipeline given");
        }
        return parse(values.get("--pipeline"), values.get("--flink-options"), values.get("--records"),
                fromSavepoint, "the job jar's arguments");
    }

    /** The parameters the job keeps in its global job parameters. */
    public Map<String, String> jobParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(PIPELINE_PARAMETER, PipelineJson.toJson(pipeline));
        parameters.put(OPTIONS_PARAMETER, GSON.toJson(new java.util.TreeMap<>(flinkOptions)));
        if (records != null) {
            parameters.put(RECORDS_PARAMETER, records.toString());
        }
        return parameters;
    }

    /**
     * The program a job was started with, from its global job parameters; empty when the job is not a pipeline the
     * job jar started.
     *
     * @throws PipelineException when the parameters are there but cannot be read
     */
    public static Optional<JarProgram> fromJobParameters(Map<String, String> parameters, String job)
            throws PipelineException {
        String pipeline = parameters.get(PIPELINE_PARAMETER);
        if (pipeline == null) {
            return Optional.empty();
        }
        return Optional.of(parse(pipeline, parameters.get(OPTIONS_PARAMETER), parameters.get(RECORDS_PARAMETER),
                false, job));
    }

    private static JarProgram parse(String pipelineJson, String optionsJson, String records, boolean fromSavepoint,
                                    String where) throws PipelineException {
        PipelineSpec pipeline = PipelineJson.parse(where, pipelineJson);
        Map<String, String> options;
        try {
            options = optionsJson == null ? Map.of() : GSON.fromJson(optionsJson, STRING_MAP);
        } catch (JsonParseException e) {
            throw new PipelineException(where + ": the Flink options are not a JSON object of strings: "
                    + e.getMessage());
        }
        Long count;
        try {
            count = records == null ? null : Long.valueOf(records);
        } catch (NumberFormatException e) {
            throw new PipelineException(where + ": records '" + records + "' is not a number");
        }
        return new JarProgram(pipeline, count, options == null ? Map.of() : options, fromSavepoint);
    }
}
