package dev.cosbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflows cannot run here, so they are read: CI runs the README's test command, the
 * release builds the image from the Dockerfile the image test checks, pushes it under the name the
 * chart and the compose file use, and writes the pushed digest into the chart it publishes.
 */
class ReleasePipelineTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Path WORKFLOWS = Path.of(".github", "workflows");

  private final JsonNode ci = read(WORKFLOWS.resolve("ci.yml"));
  private final JsonNode release = read(WORKFLOWS.resolve("release.yml"));
  private final JsonNode values = read(Path.of("helm", "cos-bot", "values.yaml"));
  private final JsonNode compose = read(Path.of("compose.yaml"));

  @Test
  void ciRunsTheReadmesTestCommandOnPushesAndPullRequests() throws IOException {
    String testCommand = readmeCommand("Run the tests");
    assertThat(testCommand).isEqualTo("./test");
    assertThat(Files.readString(Path.of(".ci", "run")).strip())
        .as(".ci/run runs exactly the README's test command")
        .endsWith("\n" + testCommand);
    assertThat(Files.readString(Path.of("test")))
        .as("which installs the browser tests' Chromium from Debian's packages, then verifies")
        .contains("apt-get install -y -qq chromium chromium-driver")
        .contains("exec ./mvnw -B verify");

    assertThat(ci.at("/on").has("push")).isTrue();
    assertThat(ci.at("/on").has("pull_request")).isTrue();
    assertThat(runs(ci, "verify")).contains(testCommand);
    assertThat(uses(ci, "verify")).anyMatch(u -> u.startsWith("actions/setup-java@"));
    assertThat(ci.at("/jobs/verify/steps").findValuesAsText("java-version")).containsOnly("17");
  }

  @Test
  void releaseOnATagTestsBuildsAndPushesTheImageTheChartNames() throws IOException {
    assertThat(release.at("/on/push/tags").toString()).contains("v*");
    assertThat(release.at("/jobs").has("image")).isTrue();
    assertThat(release.at("/jobs").has("chart")).isTrue();

    assertThat(runs(release, "image"))
        .as("the release is tested and packaged with the README's command")
        .contains(readmeCommand("Run the tests"));

    JsonNode push = step(release, "image", "push");
    assertThat(push.at("/uses").asText()).startsWith("docker/build-push-action@");
    String dockerfile = push.at("/with/file").asText();
    assertThat(Path.of(dockerfile)).exists();
    assertThat(dockerfile).isEqualTo("src/main/docker/Dockerfile.jvm");
    assertThat(push.at("/with/context").asText()).isEqualTo(".");
    assertThat(push.at("/with/push").asBoolean()).isTrue();
    assertThat(push.at("/with/tags").asText()).startsWith("${{ env.IMAGE }}:");

    String image = release.at("/env/IMAGE").asText();
    assertThat(image)
        .as("the image the release pushes is the one the chart deploys")
        .isEqualTo(values.at("/image/repository").asText());
    assertThat(compose.at("/services/cos-bot/image").asText())
        .as("and the one the compose file runs")
        .startsWith(image + ":");
    assertThat(compose.at("/services/cos-bot/build/dockerfile").asText()).isEqualTo(dockerfile);
  }

  @Test
  void theChartIsPinnedToThePushedDigestAndPublishedAsAnOciArtifact() {
    assertThat(release.at("/jobs/image/outputs/digest").asText())
        .isEqualTo("${{ steps.push.outputs.digest }}");
    JsonNode chart = release.at("/jobs/chart");
    assertThat(chart.at("/needs").asText()).isEqualTo("image");
    assertThat(chart.at("/env/DIGEST").asText()).isEqualTo("${{ needs.image.outputs.digest }}");

    String script = String.join("\n", runs(release, "chart"));
    assertThat(script)
        .contains(".image.digest = strenv(DIGEST)")
        .contains("helm/cos-bot/values.yaml")
        .contains("helm lint --strict helm/cos-bot")
        .contains("helm package helm/cos-bot")
        .contains("helm push");
    assertThat(release.at("/env/CHART_REPOSITORY").asText()).startsWith("oci://ghcr.io/");
    assertThat(values.at("/image").has("digest"))
        .as("the value the release writes exists in the chart")
        .isTrue();
  }

  @Test
  void actionsArePinnedToAMajorVersionAndPermissionsAreMinimal() {
    for (JsonNode workflow : List.of(ci, release)) {
      assertThat(workflow.at("/permissions/contents").asText()).isEqualTo("read");
      workflow
          .at("/jobs")
          .forEach(
              job ->
                  job.at("/steps")
                      .forEach(
                          step -> {
                            if (step.has("uses")) {
                              assertThat(step.at("/uses").asText()).matches("[\\w./-]+@v\\d+");
                            }
                          }));
    }
    assertThat(ci.at("/jobs/verify/permissions").isMissingNode())
        .as("CI never writes anything")
        .isTrue();
  }

  /**
   * The shell command in the README's code block that follows a line starting with {@code lead}.
   */
  static String readmeCommand(String lead) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m =
        Pattern.compile(
                Pattern.quote(lead) + "[^\\n]*\\n(?:[^\\n]*\\n)*?\\s*```\\w*\\n([^`]+?)\\n```")
            .matcher(readme);
    assertThat(m.find()).as("README has a code block after '%s'", lead).isTrue();
    return m.group(1).strip();
  }

  private static List<String> runs(JsonNode workflow, String job) {
    List<String> out = new ArrayList<>();
    workflow
        .at("/jobs/" + job + "/steps")
        .forEach(s -> out.addAll(s.at("/run").asText().lines().map(String::strip).toList()));
    out.removeIf(String::isEmpty);
    return out;
  }

  private static List<String> uses(JsonNode workflow, String job) {
    List<String> out = new ArrayList<>();
    workflow.at("/jobs/" + job + "/steps").forEach(s -> out.add(s.at("/uses").asText()));
    return out;
  }

  private static JsonNode step(JsonNode workflow, String job, String id) {
    for (JsonNode s : workflow.at("/jobs/" + job + "/steps")) {
      if (id.equals(s.at("/id").asText())) {
        return s;
      }
    }
    throw new AssertionError("no step with id " + id + " in job " + job);
  }

  private static JsonNode read(Path path) {
    try {
      return YAML.readTree(path.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(path + " cannot be read", e);
    }
  }
}
