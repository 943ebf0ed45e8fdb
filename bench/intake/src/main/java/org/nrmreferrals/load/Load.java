package org.nrmreferrals.load;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;
import io.hyperfoil.http.statistics.HttpStats;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a Hyperfoil benchmark in this JVM and writes, per phase, what was sent and how it was
 * answered: requests, responses by status class, timeouts, connection errors, and latency
 * percentiles in milliseconds (Hyperfoil measures from the intended send time in open-loop phases,
 * so a stall shows in the latencies instead of thinning the arrivals).
 */
public final class Load {
  private Load() {}

  public static void main(String[] args) throws Exception {
    Path yaml = Path.of(args[0]);
    Path result = Path.of(args[1]);
    Benchmark benchmark;
    try (InputStream in = Files.newInputStream(yaml)) {
      benchmark =
          BenchmarkParser.instance()
              .buildBenchmark(in, new LocalBenchmarkData(yaml), Collections.emptyMap());
    }
    Map<String, StatisticsSnapshot> phases = new TreeMap<>();
    LocalSimulationRunner runner =
        new LocalSimulationRunner(
            benchmark,
            (phase, stepId, metric, snapshot, countDown) -> {
              synchronized (phases) {
                phases.computeIfAbsent(phase.name(), n -> new StatisticsSnapshot()).add(snapshot);
              }
            },
            null,
            null);
    long started = System.nanoTime();
    runner.run();
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    StringBuilder json =
        new StringBuilder(String.format(Locale.ROOT, "{\"wallSeconds\":%.3f", wallSeconds));
    String separator = ",";
    for (Map.Entry<String, StatisticsSnapshot> e : phases.entrySet()) {
      StatisticsSnapshot s = e.getValue();
      HttpStats http = HttpStats.get(s);
      var h = s.histogram;
      double seconds = (h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0;
      json.append(separator)
          .append('"')
          .append(e.getKey())
          .append("\":{")
          .append(
              String.format(
                  Locale.ROOT,
                  "\"requests\":%d,\"responses\":%d,\"status2xx\":%d,\"status4xx\":%d,"
                      + "\"status5xx\":%d,\"statusOther\":%d,\"timeouts\":%d,"
                      + "\"connectionErrors\":%d,\"internalErrors\":%d,\"seconds\":%.3f,"
                      + "\"responsesPerSecond\":%.1f,\"p50Ms\":%.2f,\"p90Ms\":%.2f,"
                      + "\"p95Ms\":%.2f,\"p99Ms\":%.2f,\"p999Ms\":%.2f,\"maxMs\":%.2f,\"meanMs\":%.2f}",
                  s.requestCount,
                  s.responseCount,
                  http.status_2xx,
                  http.status_4xx,
                  http.status_5xx,
                  http.status_3xx + http.status_other,
                  s.requestTimeouts,
                  s.connectionErrors,
                  s.internalErrors,
                  seconds,
                  seconds > 0 ? s.responseCount / seconds : 0,
                  ms(h.getValueAtPercentile(50)),
                  ms(h.getValueAtPercentile(90)),
                  ms(h.getValueAtPercentile(95)),
                  ms(h.getValueAtPercentile(99)),
                  ms(h.getValueAtPercentile(99.9)),
                  ms(h.getMaxValue()),
                  h.getMean() / 1e6));
      separator = ",";
    }
    json.append("}\n");
    Files.writeString(result, json);
    System.out.print(json);
    System.exit(0);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
