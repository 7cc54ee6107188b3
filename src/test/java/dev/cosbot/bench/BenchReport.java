package dev.cosbot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shared by every *Benchmark: the machine it ran on, the command that ran it, and rewriting the
 * benchmark's own section of docs/benchmarks.md (between {@code <!-- bench:NAME -->} and {@code
 * <!-- /bench:NAME -->}; a section not there yet is appended at the end of the file).
 */
public final class BenchReport {
  private BenchReport() {}

  /** Seconds per measured run: -Dbench.seconds (default {@code dflt}). */
  public static int seconds(int dflt) {
    return Integer.getInteger("bench.seconds", dflt);
  }

  /** One line: cores, memory, Java, OS, load average when the benchmark started, UTC date. */
  public static String machine() {
    String memory = "?";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D+", ""));
          memory = String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave "?"
    }
    String load = "?";
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      load = parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return String.format(
        "%d CPUs (nproc), %s RAM, %s %s (%s), %s %s; load average at start %s; %s",
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        load,
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
  }

  /**
   * The Maven command that ran this benchmark: the whole suite, or with -Dtest when only some ran,
   * plus the bench.* properties that were set.
   */
  public static String command(String benchmark) {
    Map<String, String> props = new TreeMap<>();
    System.getProperties()
        .forEach(
            (k, v) -> {
              String key = String.valueOf(k);
              if (key.startsWith("bench.")
                  && !key.equals("bench.baseline.dir")
                  && !key.equals("bench.docs")) {
                props.put(key, String.valueOf(v));
              }
            });
    String only = System.getProperty("test");
    StringBuilder out = new StringBuilder("./mvnw -o -B -Pbench verify");
    if (only != null && !only.isBlank()) {
      out.append(" -Dtest=").append(only).append(" -Dsurefire.failIfNoSpecifiedTests=false");
    }
    props.forEach((k, v) -> out.append(" -D").append(k).append('=').append(v));
    return out.toString();
  }

  /** Prints {@code markdown} and puts it into docs/benchmarks.md as the section {@code name}. */
  public static synchronized void publish(String name, String markdown) throws IOException {
    System.out.println("\n===== " + name + " =====\n" + markdown);
    Path docs = Path.of(System.getProperty("bench.docs", "docs/benchmarks.md"));
    String begin = "<!-- bench:" + name + " -->";
    String end = "<!-- /bench:" + name + " -->";
    String section = begin + "\n" + markdown.strip() + "\n" + end;
    String text =
        Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "# Benchmarks\n";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from >= 0 && to > from) {
      text = text.substring(0, from) + section + text.substring(to + end.length());
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.createDirectories(docs.toAbsolutePath().getParent());
    Files.writeString(docs, text, StandardCharsets.UTF_8);
  }
}
