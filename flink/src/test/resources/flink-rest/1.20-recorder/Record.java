package rec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Scratch recorder: a Flink MiniCluster with REST on 127.0.0.1, a keyed-count job checkpointing every 500 ms,
 * and the REST answers RestJobClient reads written to a directory. With "serve" instead of a directory it keeps
 * the cluster and job running and prints the REST address (for watching it from the app).
 */
public final class Record {
    static final boolean SLOW = Boolean.getBoolean("slow");
    public static void main(String[] args) throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("rest.bind-address", "127.0.0.1");
        keys.put("rest.address", "127.0.0.1");
        keys.put("rest.port", args.length > 1 ? args[1] : "0");
        keys.put("metrics.fetcher.update-interval", "1000");
        keys.put("taskmanager.numberOfTaskSlots", "8");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(Configuration.fromMap(keys)).setNumTaskManagers(1).setNumSlotsPerTaskManager(8)
                .build());
        cluster.start();
        URI base = cluster.getRestAddress().get();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
        env.fromSequence(0, Long.MAX_VALUE / 4).uid("source").name("Numbers").setParallelism(2)
                .map(n -> { long t = System.nanoTime(); while (System.nanoTime() - t < 20_000) { } return n % 1000; })
                .returns(Types.LONG).uid("throttle").name("Throttle").setParallelism(2)
                .keyBy(n -> n).map(new Count()).uid("count").name("Count per key").setParallelism(3)
                .map(n -> { if (SLOW) { long t = System.nanoTime(); while (System.nanoTime() - t < 60_000) { } } return n; })
                .returns(Types.LONG).uid("writer").name("Slow writer").setParallelism(1)
                .sinkTo(new DiscardingSink<>()).uid("sink").name("Sink").setParallelism(1);
        org.apache.flink.streaming.api.graph.StreamGraph streamGraph = env.getStreamGraph();
        streamGraph.setJobName("Keyed count on Flink 1.20");
        JobGraph graph = streamGraph.getJobGraph();
        cluster.submitJob(graph).get();
        String jid = graph.getJobID().toHexString();
        HttpClient http = HttpClient.newHttpClient();
        if (args.length == 0 || args[0].equals("serve")) {
            System.out.println("REST " + base + " job " + jid);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Thread.sleep(6_000);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("config.json", "/v1/config");
        files.put("jobs-overview.json", "/v1/jobs/overview");
        files.put("job.json", "/v1/jobs/" + jid);
        files.put("plan.json", "/v1/jobs/" + jid + "/plan");
        files.put("checkpoints.json", "/v1/jobs/" + jid + "/checkpoints");
        files.put("checkpoints-config.json", "/v1/jobs/" + jid + "/checkpoints/config");
        files.put("exceptions.json", "/v1/jobs/" + jid + "/exceptions?maxExceptions=20");
        files.put("job-metrics.json", "/v1/jobs/" + jid + "/metrics?get=numRestarts");
        String job = get(http, base, files.get("job.json"));
        java.util.List<String> vids = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f]{32})\",\"slotSharingGroupId").matcher(job);
        while (m.find()) {
            vids.add(m.group(1));
        }
        if (vids.isEmpty()) {
            Matcher any = Pattern.compile("\\{\"id\":\"([0-9a-f]{32})\",\"name\"").matcher(job);
            while (any.find()) {
                vids.add(any.group(1));
            }
        }
        System.out.println("vertices " + vids);
        for (int i = 0; i < vids.size(); i++) {
            String v = "/v1/jobs/" + jid + "/vertices/" + vids.get(i);
            files.put("vertex-" + i + ".json", v);
            files.put("vertex-" + i + "-backpressure.json", v + "/backpressure");
            files.put("vertex-" + i + "-subtasks-metrics.json", v
                    + "/subtasks/metrics?get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond,idleTimeMsPerSecond&agg=max,avg");
            files.put("vertex-" + i + "-pool-metrics.json", v
                    + "/subtasks/metrics?get=buffers.inPoolUsage,buffers.outPoolUsage,backPressuredTimeMsPerSecond&agg=max,avg");
            files.put("vertex-" + i + "-metric-names.json", v + "/subtasks/metrics");
            StringBuilder get = new StringBuilder();
            for (int s = 0; s < 4; s++) {
                for (String name : new String[] {"buffers.inPoolUsage", "Shuffle.Netty.Input.Buffers.inPoolUsage",
                        "buffers.outPoolUsage", "Shuffle.Netty.Output.Buffers.outPoolUsage"}) {
                    get.append(get.length() == 0 ? "" : ",").append(s).append('.').append(name);
                }
            }
            files.put("vertex-" + i + "-metrics.json", v + "/metrics?get=" + get);
        }
        for (String path : files.values()) {
            get(http, base, path); // warm up: backpressure and metrics are computed on the first request
        }
        Thread.sleep(2_500);
        // The latest completed checkpoint now, so that it is still in the history written right after.
        String cps = get(http, base, files.get("checkpoints.json"));
        Matcher c = Pattern.compile("\"latest\":\\{\"completed\":\\{[^}]*?\"id\":(\\d+)").matcher(cps);
        String id = c.find() ? c.group(1) : "1";
        files.put("checkpoint-details.json", "/v1/jobs/" + jid + "/checkpoints/details/" + id);
        for (int i = 0; i < vids.size(); i++) {
            files.put("checkpoint-subtasks-" + i + ".json", "/v1/jobs/" + jid + "/checkpoints/details/" + id
                    + "/subtasks/" + vids.get(i));
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(out.resolve(e.getKey()), get(http, base, e.getValue()));
        }
        System.out.println("recorded " + files.size() + " answers of job " + jid + " (checkpoint " + id + ") into " + out);
        cluster.cancelJob(graph.getJobID()).get();
        cluster.close();
        System.exit(0);
    }

    private static String get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Counts per key in keyed state. */
    static final class Count extends RichMapFunction<Long, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public Long map(Long key) throws Exception {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            return next;
        }
    }
}
