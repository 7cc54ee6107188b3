package dev.cosbot.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * An open-loop load generator: request i is due at {@code start + i / rate}, whatever happened to
 * the earlier ones, and its latency is measured from that scheduled time to the complete answer (so
 * a stalled server is charged for the requests it kept waiting: no coordinated omission).
 */
public final class OpenLoopLoad implements AutoCloseable {
  /** What one run measured. */
  public record Result(
      String target,
      String kind,
      int rate,
      int seconds,
      int sent,
      Latencies latencies,
      int errors,
      Map<String, Integer> outcomes,
      double lagMillis) {
    public double p50() {
      return latencies.percentileMillis(0.50);
    }

    public double p99() {
      return latencies.percentileMillis(0.99);
    }

    public double max() {
      return latencies.maxMillis();
    }
  }

  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .executor(executor)
          .build();

  /**
   * Sends {@code rate * seconds} requests on the fixed schedule. {@code request} builds (and signs)
   * each request at its send time; {@code ok} tells which HTTP statuses count as a correct answer.
   */
  public Result run(
      String target,
      String kind,
      int rate,
      int seconds,
      Supplier<HttpRequest> request,
      IntPredicate ok)
      throws InterruptedException {
    int total = rate * seconds;
    long period = 1_000_000_000L / rate;
    Latencies latencies = new Latencies();
    AtomicInteger errors = new AtomicInteger();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(total);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long worstLag = 0;
    for (int i = 0; i < total; i++) {
      long due = start + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      worstLag = Math.max(worstLag, System.nanoTime() - due);
      HttpRequest r = request.get();
      client
          .sendAsync(r, HttpResponse.BodyHandlers.ofByteArray())
          .whenComplete(
              (response, error) -> {
                long latency = System.nanoTime() - due;
                String outcome;
                if (error != null) {
                  Throwable cause = error.getCause() == null ? error : error.getCause();
                  outcome = cause.getClass().getSimpleName();
                  errors.incrementAndGet();
                } else {
                  outcome = String.valueOf(response.statusCode());
                  if (ok.test(response.statusCode())) {
                    latencies.add(latency);
                  } else {
                    errors.incrementAndGet();
                  }
                }
                outcomes.merge(outcome, 1, Integer::sum);
                done.countDown();
              });
    }
    if (!done.await(30, TimeUnit.SECONDS)) {
      outcomes.merge("unanswered", (int) done.getCount(), Integer::sum);
      errors.addAndGet((int) done.getCount());
    }
    return new Result(
        target,
        kind,
        rate,
        seconds,
        total,
        latencies,
        errors.get(),
        new TreeMap<>(outcomes),
        worstLag / 1e6);
  }

  /** A POST of {@code body}, 10 s timeout (slower counts as an error). */
  public static HttpRequest.Builder post(String url, String contentType, String body) {
    return HttpRequest.newBuilder(java.net.URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
