package dev.cosbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart README's parameter tables are generated from the {@code ## @param} comments of
 * values.yaml, and every value is documented and typed in values.schema.json — both ways.
 *
 * <p>Regenerate the README after changing values.yaml with {@code ./mvnw -B -o test
 * -Dtest=ChartReadmeTest -Dchart.readme.update=true}.
 */
class ChartReadmeTest {
  private static final Path CHART = Path.of("helm", "cos-bot");
  private static final String START = "<!-- parameters:start (generated from values.yaml) -->";
  private static final String END = "<!-- parameters:end -->";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> lines = read(CHART.resolve("values.yaml"));
  private final JsonNode values = yaml(CHART.resolve("values.yaml"));
  private final JsonNode schema = json(CHART.resolve("values.schema.json"));

  @Test
  void theReadmeParametersAreGeneratedFromTheValuesComments() throws IOException {
    Path readme = CHART.resolve("README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertThat(start).as("README has the generated section markers").isNotNegative();
    assertThat(end).isGreaterThan(start);
    String generated = "\n" + parameterTables() + "\n";
    if (Boolean.getBoolean("chart.readme.update")) {
      text = text.substring(0, start + START.length()) + generated + text.substring(end);
      Files.writeString(readme, text, StandardCharsets.UTF_8);
      end = text.indexOf(END);
    }
    assertThat(text.substring(start + START.length(), end))
        .as(
            "helm/cos-bot/README.md is out of date: run ./mvnw -B -o test -Dtest=ChartReadmeTest"
                + " -Dchart.readme.update=true")
        .isEqualTo(generated);
  }

  @Test
  void everyValueIsDocumentedAndEveryParamExists() {
    Set<String> params = params().keySet();
    for (String leaf : leaves(values, "")) {
      assertThat(params.stream().anyMatch(p -> leaf.equals(p) || leaf.startsWith(p + ".")))
          .as("value %s has a ## @param comment (for itself or a parent)", leaf)
          .isTrue();
    }
    for (String param : params) {
      assertThat(at(values, param).isMissingNode())
          .as("@param %s names a value that exists", param)
          .isFalse();
      assertThat(params().get(param)).as("@param %s has a description", param).isNotBlank();
    }
  }

  @Test
  void theSchemaCoversEveryValueAndNothingElse() {
    assertThat(schema.at("/additionalProperties").asBoolean(true))
        .as("unknown top-level keys are rejected")
        .isFalse();
    for (String param : params().keySet()) {
      assertThat(schemaAt(param)).as("values.schema.json describes %s", param).isNotNull();
    }
    for (String path : schemaPaths(schema, "")) {
      if (!path.equals("global")) {
        assertThat(at(values, path).isMissingNode())
            .as("schema property %s exists in values.yaml", path)
            .isFalse();
      }
    }
  }

  /** The markdown tables, one per {@code @section}. */
  String parameterTables() {
    StringBuilder md = new StringBuilder();
    boolean intro = false;
    boolean table = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("## @section ")) {
        if (md.length() > 0) {
          md.append("\n");
        }
        md.append("### ").append(line.substring("## @section ".length()).strip()).append("\n\n");
        intro = true;
        table = false;
      } else if (line.startsWith("## @param ")) {
        if (!table) {
          if (md.charAt(md.length() - 2) != '\n') {
            md.append("\n");
          }
          md.append("| Name | Description | Value |\n| ---- | ----------- | ----- |\n");
          table = true;
        }
        intro = false;
        String rest = line.substring("## @param ".length()).strip();
        int space = rest.indexOf(' ');
        String key = rest.substring(0, space);
        String description = rest.substring(space + 1).strip().replace("|", "\\|");
        md.append("| `")
            .append(key)
            .append("` | ")
            .append(description)
            .append(" | `")
            .append(shown(at(values, key)))
            .append("` |\n");
      } else if (intro && line.startsWith("## ")) {
        md.append(line.substring(3).strip()).append("\n");
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        intro = false;
      }
    }
    return md.toString().stripTrailing() + "\n";
  }

  private Map<String, String> params() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("## @param ")) {
        String rest = line.substring("## @param ".length()).strip();
        int space = rest.indexOf(' ');
        out.put(
            space < 0 ? rest : rest.substring(0, space),
            space < 0 ? "" : rest.substring(space + 1));
      }
    }
    return out;
  }

  private static String shown(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().isEmpty() ? "\"\"" : value.asText();
    }
    return value.toString();
  }

  private JsonNode schemaAt(String path) {
    JsonNode node = schema;
    for (String part : path.split("\\.")) {
      node = node.path("properties").get(part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static List<String> schemaPaths(JsonNode node, String prefix) {
    List<String> out = new ArrayList<>();
    JsonNode properties = node.path("properties");
    Iterator<String> names = properties.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      String path = prefix.isEmpty() ? name : prefix + "." + name;
      out.add(path);
      if ("object".equals(properties.get(name).path("type").asText())) {
        out.addAll(schemaPaths(properties.get(name), path));
      }
    }
    return out;
  }

  /** Dotted paths of the scalar, empty-map and list values (lists count as one value). */
  private static Set<String> leaves(JsonNode node, String prefix) {
    Set<String> out = new TreeSet<>();
    if (node.isObject() && node.size() > 0) {
      node.fields()
          .forEachRemaining(
              e ->
                  out.addAll(
                      leaves(
                          e.getValue(),
                          prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey())));
    } else {
      out.add(prefix);
    }
    return out;
  }

  private static JsonNode at(JsonNode node, String dotted) {
    return node.at("/" + dotted.replace(".", "/"));
  }

  private static List<String> read(Path path) {
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode yaml(Path path) {
    try {
      return new YAMLMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(Path path) {
    try {
      return JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
