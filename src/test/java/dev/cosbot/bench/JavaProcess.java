package dev.cosbot.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a benchmark (the packaged service or the Bolt baseline), with the time it took
 * to become ready and its resident memory read from /proc.
 */
public final class JavaProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final int port;
  private final int managementPort;
  private final long startedNanos;
  private final Path log;
  private double startupMillis = Double.NaN;

  private JavaProcess(
      String name, Process process, int port, int managementPort, long startedNanos, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.startedNanos = startedNanos;
    this.log = log;
  }

  /** JVM options for both the service and the baseline: -Dbench.jvmArgs, default "-Xmx256m". */
  public static List<String> jvmArgs() {
    String args = System.getProperty("bench.jvmArgs", "-Xmx256m");
    List<String> out = new ArrayList<>();
    for (String a : args.trim().split("\\s+")) {
      if (!a.isBlank()) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Starts {@code java <jvmArgs> <mainArgs>} with {@code env}; the port goes in as
   * QUARKUS_HTTP_PORT and PORT, a second one as QUARKUS_MANAGEMENT_PORT (health and metrics).
   */
  public static JavaProcess start(String name, List<String> mainArgs, Map<String, String> env)
      throws IOException {
    int port = freePort();
    int managementPort;
    do {
      managementPort = freePort();
    } while (managementPort == port);
    Path log = Path.of("target", "bench-logs", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmArgs());
    command.addAll(mainArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("SLACK_") || k.startsWith("COSBOT_") || k.startsWith("QUARKUS_"));
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    long started = System.nanoTime();
    return new JavaProcess(name, builder.start(), port, managementPort, started, log);
  }

  /**
   * Polls {@code path} every 20 ms (paths under /q/ on the management port) until it answers one of
   * {@code statuses}; records the startup time.
   */
  public JavaProcess awaitReady(String method, String path, int... statuses) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      int status = status(method, path);
      for (int s : statuses) {
        if (status == s) {
          startupMillis = (System.nanoTime() - startedNanos) / 1e6;
          return this;
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(name + " not ready after 120 s; see " + log);
  }

  private int status(String method, String path) {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              URI.create((path.startsWith("/q/") ? managementUrl() : baseUrl()) + path)
                  .toURL()
                  .openConnection();
      c.setRequestMethod(method);
      c.setConnectTimeout(500);
      c.setReadTimeout(2000);
      if ("POST".equals(method)) {
        c.setDoOutput(true);
        c.getOutputStream().close();
      }
      return c.getResponseCode();
    } catch (IOException e) {
      return -1;
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Health and metrics of the service (Quarkus' management interface). */
  public String managementUrl() {
    return "http://localhost:" + managementPort;
  }

  public double startupMillis() {
    return startupMillis;
  }

  public long pid() {
    return process.pid();
  }

  /** VmRSS of the JVM itself, in MiB. */
  public double rssMiB() {
    return rssMiB(process.pid());
  }

  /**
   * VmRSS of the embedded PostgreSQL this JVM started, in MiB: the postmaster named in {@code
   * pgDataDir/postmaster.pid} and its backends (the server detaches from the JVM, so it is not
   * among the JVM's descendants), plus any process still below the JVM. Shared memory pages are
   * counted once per process, so this overstates what PostgreSQL really holds.
   */
  public double postgresRssMiB(Path pgDataDir) {
    double sum =
        process.descendants().mapToDouble(p -> rssMiB(p.pid())).filter(v -> !Double.isNaN(v)).sum();
    try {
      Path pidFile = pgDataDir.resolve("postmaster.pid");
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        var postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent()) {
          sum += rssMiB(pid);
          sum +=
              postmaster
                  .get()
                  .descendants()
                  .mapToDouble(p -> rssMiB(p.pid()))
                  .filter(v -> !Double.isNaN(v))
                  .sum();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not readable: what was found so far
    }
    return sum;
  }

  static double rssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone or not Linux
    }
    return Double.NaN;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
