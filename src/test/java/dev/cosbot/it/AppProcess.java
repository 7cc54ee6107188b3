package dev.cosbot.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar) as a separate OS process, as an
 * operator runs it: for restarts, SIGKILL, and several instances on one database.
 */
public final class AppProcess implements AutoCloseable {
  private final String name;
  private final Map<String, String> env;
  private final Path log;
  private Process process;
  private int port;
  private int managementPort;
  private boolean startedBefore;
  private String jar;
  private final List<String> jvmArgs = new ArrayList<>();

  public AppProcess(String name, Map<String, String> env) {
    this.name = name;
    this.env = new HashMap<>(env);
    this.log = Path.of("target", "it-logs", name + ".log");
  }

  public static String jar() {
    String jar = System.getProperty("cosbot.app.jar", "target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException("Packaged app not found at " + jar + ": run ./mvnw verify");
    }
    return jar;
  }

  /** Runs this jar instead of the packaged one (e.g. the container image's file layout). */
  public AppProcess withJar(Path jar) {
    this.jar = jar.toString();
    return this;
  }

  /** Extra JVM options, after the test defaults (so they win). */
  public AppProcess withJvmArgs(List<String> args) {
    jvmArgs.addAll(args);
    return this;
  }

  /**
   * Starts the process and waits until /q/health/ready answers 200 on the management port. Both
   * ports are new on every start.
   */
  public AppProcess start() throws IOException {
    // A free port is only free when it is picked: another process (an outgoing connection, the
    // embedded PostgreSQL) can take it before the app binds it. That start is retried on new ports.
    for (int attempt = 1; ; attempt++) {
      try {
        return launch();
      } catch (IllegalStateException exited) {
        if (attempt >= 3 || !portTaken()) {
          throw exited;
        }
      }
    }
  }

  private boolean portTaken() throws IOException {
    return Files.exists(log)
        && Files.readString(log).contains("java.net.BindException: Address already in use");
  }

  private AppProcess launch() throws IOException {
    port = freePort();
    do {
      managementPort = freePort();
    } while (managementPort == port);
    Files.createDirectories(log.getParent());
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar != null ? jar : jar());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("SLACK_") || k.startsWith("COSBOT_") || k.startsWith("QUARKUS_"));
    builder.environment().putAll(env);
    // With an external database cos-bot requires its own pulse secret (the embedded one makes it).
    if (env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
      builder.environment().putIfAbsent("COSBOT_PULSE_BALLOT_SECRET", "it-pulse-secret-0123456789");
    }
    builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
    builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
    builder.redirectErrorStream(true);
    // A fresh log per run of the test (earlier runs must not count), appended across restarts of
    // this process.
    builder.redirectOutput(
        startedBefore
            ? ProcessBuilder.Redirect.appendTo(log.toFile())
            : ProcessBuilder.Redirect.to(log.toFile()));
    startedBefore = true;
    process = builder.start();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    name + " exited with " + process.exitValue() + "; see " + log);
              }
              return managementStatus("/q/health/ready") == 200;
            });
    return this;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  /** The management interface: health, metrics and the OpenAPI document live only there. */
  public String managementUrl() {
    return "http://localhost:" + managementPort;
  }

  /**
   * HTTP status of a GET on the public port, or -1 when the process does not answer. Health and
   * metrics are not there: use {@link #managementStatus}.
   */
  public int status(String path) {
    if (path.startsWith("/q/")) {
      throw new IllegalArgumentException(
          path + " is served on the management port: use managementStatus(\"" + path + "\")");
    }
    return get(baseUrl() + path);
  }

  /** HTTP status of a GET on the management port (/q/health/..., /q/metrics), or -1. */
  public int managementStatus(String path) {
    return get(managementUrl() + path);
  }

  private static int get(String url) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(3000);
      return c.getResponseCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /** SIGTERM and wait: a normal stop. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** SIGKILL: no shutdown hooks, nothing flushed. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  public long pid() {
    return process.pid();
  }

  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
