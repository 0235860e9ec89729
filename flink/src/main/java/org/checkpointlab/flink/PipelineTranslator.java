package org.checkpointlab.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.checkpointlab.flink.operators.FailurePlan;
import org.checkpointlab.flink.operators.KeyedFunctions;
import org.checkpointlab.flink.operators.OperatorProbe;
import org.checkpointlab.flink.operators.RecordFunctions;
import org.checkpointlab.flink.operators.WindowCount;
import org.checkpointlab.flink.sink.CollectSink;
import org.checkpointlab.flink.sink.DiscardSink;
import org.checkpointlab.flink.sink.TransactionalSink;
import org.checkpointlab.flink.source.RecordGenerator;
import org.checkpointlab.flink.source.ReplayableSource;
import org.checkpointlab.flink.types.RecordTypes;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorParams;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;

/**
 * Translates a run's pipeline into a Flink DataStream job (a {@link StreamGraph}). Every operator becomes one Flink
 * operator whose uid is the operator's id, with its parallelism and max parallelism (the local engine's default
 * when the spec has none, so that key groups and source splits are the same); edges become forward, keyBy,
 * rebalance or broadcast; operators chain as the spec says. The functions are those of
 * {@code org.checkpointlab.flink.operators}, sources and sinks those of {@code .source} and {@code .sink}.
 */
public final class PipelineTranslator {
    private static final TypeInformation<FlinkRecord> RECORD = RecordTypes.RECORD;
    private static final TypeInformation<Object> KEY = RecordTypes.FIELD;

    private final JobConfig config;
    private final String runId;
    private final FailurePlan failures;
    private final PipelineSpec pipeline;

    /**
     * @param runId    the run's id in the {@link RunRegistry}
     * @param failures failures to inject
     * @throws FlinkRefusal when the pipeline (with the run's overrides) does not validate
     */
    public PipelineTranslator(JobConfig config, String runId, FailurePlan failures) throws FlinkRefusal {
        this.config = config;
        this.runId = runId;
        this.failures = failures;
        this.pipeline = effectivePipeline(config);
    }

    /** The pipeline as it runs: parallelism overrides applied, then validated. */
    static PipelineSpec effectivePipeline(JobConfig config) throws FlinkRefusal {
        List<OperatorSpec> ops = config.pipeline().operators().stream()
                .map(op -> config.parallelism().containsKey(op.id())
                        ? op.withParallelism(config.parallelism().get(op.id())) : op)
                .toList();
        PipelineSpec p = config.pipeline().withOperators(ops);
        try {
            PipelineValidator.validate(p);
        } catch (PipelineException e) {
            throw new FlinkRefusal(e.problems());
        }
        return p;
    }

    /** The pipeline as it runs on Flink. */
    public PipelineSpec pipeline() {
        return pipeline;
    }

    /** The max parallelism of {@code op} on both engines: the spec's, else Flink's default for its parallelism. */
    public static int maxParallelism(OperatorSpec op) {
        return PipelineValidator.effectiveMaxParallelism(op);
    }

    /** Builds the job in a fresh environment configured with {@code jobConfiguration}. */
    public StreamGraph translate(Configuration jobConfiguration) {
        return translate(StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration));
    }

    /** Builds the job in {@code env} (a job jar's: the environment of the cluster that runs the jar). */
    public StreamGraph translate(StreamExecutionEnvironment env) {
        if (!pipeline.chaining()) {
            env.disableOperatorChaining();
        }
        Map<String, DataStream<FlinkRecord>> streams = new HashMap<>();
        for (OperatorSpec op : topologicalOrder(pipeline)) {
            OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElseThrow();
            OperatorParams params = kind.paramsOf(op);
            if (kind.role() == OperatorKind.Role.SOURCE) {
                streams.put(op.id(), source(env, op, kind, params));
            } else if (kind.role() == OperatorKind.Role.SINK) {
                sink(input(op, streams), op, kind, params);
            } else {
                streams.put(op.id(), transform(input(op, streams), op, kind, params));
            }
        }
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(pipeline.name());
        return graph;
    }

    private DataStream<FlinkRecord> source(StreamExecutionEnvironment env, OperatorSpec op, OperatorKind kind,
                                           OperatorParams params) {
        long count = config.records() != null ? config.records() : params.getLong("count");
        RecordGenerator generator = switch (kind) {
            case SEQUENCE_SOURCE -> new RecordGenerator.Sequence(params.getLong("keys"));
            case SENTENCE_SOURCE -> new RecordGenerator.Sentences(params.getLong("seed"));
            default -> throw new IllegalArgumentException("operator '" + op.id() + "': kind " + op.kind()
                    + " is not a source");
        };
        ReplayableSource source = new ReplayableSource(runId, op.id(), generator, count, maxParallelism(op),
                params.getLong("ratePerSecond"));
        return configure(env.fromSource(source, WatermarkStrategy.noWatermarks(), op.name(), RECORD), op);
    }

    /** The operator's input: each edge partitioned as it says, several edges (union) merged. */
    private DataStream<FlinkRecord> input(OperatorSpec op, Map<String, DataStream<FlinkRecord>> streams) {
        List<DataStream<FlinkRecord>> inputs = new ArrayList<>();
        for (EdgeSpec e : pipeline.inputsOf(op.id())) {
            DataStream<FlinkRecord> upstream = streams.get(e.from());
            inputs.add(switch (e.partitioning()) {
                case FORWARD -> upstream.forward();
                case HASH -> upstream.keyBy(new RecordKey(), KEY);
                case REBALANCE -> upstream.rebalance();
                case BROADCAST -> upstream.broadcast();
            });
        }
        if (inputs.size() == 1) {
            return inputs.get(0);
        }
        @SuppressWarnings("unchecked")
        DataStream<FlinkRecord>[] rest = inputs.subList(1, inputs.size()).toArray(new DataStream[0]);
        return inputs.get(0).union(rest);
    }

    @SuppressWarnings("unchecked")
    private DataStream<FlinkRecord> transform(DataStream<FlinkRecord> in, OperatorSpec op, OperatorKind kind,
                                              OperatorParams params) {
        OperatorProbe probe = new OperatorProbe(runId, op.id(), failures);
        SingleOutputStreamOperator<FlinkRecord> out = switch (kind) {
            case MAP -> in.process(new RecordFunctions.Map(probe, params.getLong("multiply"),
                    params.getLong("add")), RECORD);
            case FILTER -> in.process(new RecordFunctions.Filter(probe, params.getLong("modulo"),
                    params.getLong("remainder")), RECORD);
            case FLAT_MAP_WORDS -> in.process(new RecordFunctions.FlatMapWords(probe,
                    params.getBoolean("lowercase")), RECORD);
            case UNION -> in.process(new RecordFunctions.PassThrough(probe), RECORD);
            case SLOW -> in.process(new RecordFunctions.Slow(probe, params.getLong("costMicros"),
                    params.getLong("jitterMicros")), RECORD);
            case KEYED_COUNT -> keyed(in, op).process(new KeyedFunctions.Count(probe), RECORD);
            case KEYED_SUM -> keyed(in, op).process(new KeyedFunctions.Sum(probe), RECORD);
            case DEDUP -> keyed(in, op).process(new KeyedFunctions.Dedup(probe), RECORD);
            case TUMBLING_WINDOW_COUNT -> window(keyed(in, op), probe, params);
            default -> throw new IllegalArgumentException("operator '" + op.id() + "': kind " + op.kind()
                    + " is not a transformation");
        };
        return configure(out, op);
    }

    private static SingleOutputStreamOperator<FlinkRecord> window(KeyedStream<FlinkRecord, Object> in,
                                                                  OperatorProbe probe, OperatorParams params) {
        long size = Math.max(1, params.getLong("size"));
        TypeInformation<long[]> acc = TypeInformation.of(long[].class);
        if ("ms".equals(params.getString("unit"))) {
            return in.window(TumblingProcessingTimeWindows.of(Duration.ofMillis(size)))
                    .aggregate(new WindowCount.Counter(), new WindowCount.Emit<>(probe), acc, acc, RECORD);
        }
        return in.countWindow(size)
                .aggregate(new WindowCount.Counter(), new WindowCount.Emit<>(probe), acc, acc, RECORD);
    }

    @SuppressWarnings("unchecked")
    private static KeyedStream<FlinkRecord, Object> keyed(DataStream<FlinkRecord> in, OperatorSpec op) {
        if (in instanceof KeyedStream<?, ?> keyed) {
            return (KeyedStream<FlinkRecord, Object>) keyed;
        }
        throw new IllegalArgumentException("operator '" + op.id() + "' (" + op.kind() + ") needs one hash input");
    }

    private void sink(DataStream<FlinkRecord> in, OperatorSpec op, OperatorKind kind, OperatorParams params) {
        OperatorProbe probe = new OperatorProbe(runId, op.id(), failures);
        DataStreamSink<FlinkRecord> sink = switch (kind) {
            case DISCARD_SINK -> in.sinkTo(new DiscardSink(probe));
            case COLLECT_SINK -> in.sinkTo(new CollectSink(runId, op.id(), probe));
            case TRANSACTIONAL_SINK -> in.sinkTo(new TransactionalSink(runId, op.id(),
                    params.find("path").map(String::valueOf).orElse(null), op.parallelism(), probe));
            default -> throw new IllegalArgumentException("operator '" + op.id() + "': kind " + op.kind()
                    + " is not a sink");
        };
        sink.uid(op.id()).name(op.name()).setParallelism(op.parallelism()).setMaxParallelism(maxParallelism(op));
    }

    private static <T extends SingleOutputStreamOperator<FlinkRecord>> T configure(T stream, OperatorSpec op) {
        stream.uid(op.id()).name(op.name()).setParallelism(op.parallelism()).setMaxParallelism(maxParallelism(op));
        return stream;
    }

    /** The operators so that each comes after its inputs; among those ready, in file order. */
    static List<OperatorSpec> topologicalOrder(PipelineSpec p) {
        List<OperatorSpec> order = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        while (order.size() < p.operators().size()) {
            boolean progress = false;
            for (OperatorSpec op : p.operators()) {
                if (!done.contains(op.id()) && p.inputsOf(op.id()).stream().allMatch(e -> done.contains(e.from()))) {
                    order.add(op);
                    done.add(op.id());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalArgumentException("pipeline '" + p.name() + "' has a cycle");
            }
        }
        return order;
    }

    /** keyBy: the record's key, hashed by Flink as the local engine does ({@code key.hashCode()}). */
    static final class RecordKey implements KeySelector<FlinkRecord, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object getKey(FlinkRecord record) {
            if (record.key == null) {
                throw new NullPointerException("a record without key reached a hash edge (seq " + record.seq + ")");
            }
            return record.key;
        }
    }
}
