package dev.cosbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/reliability.md and docs/privacy.md name the test behind each promise; a promise whose test
 * was renamed or deleted would read as proven while nothing checks it. Every test class named there
 * (`SomethingTest`, `SomethingIT`, optionally `#method` or `.method`, a trailing "…" for a prefix)
 * must exist, with that method.
 */
class DocsNameRealTestsTest {
  private static final List<String> DOCS = List.of("docs/reliability.md", "docs/privacy.md");

  /** A test class, then optionally a method; "…" ends a shortened method name. */
  private static final Pattern NAMED =
      Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:Test|IT))\\b(?:[#.]([a-z][A-Za-z0-9_]*)(…)?)?");

  @Test
  void everyTestNamedInTheReliabilityAndPrivacyDocsExists() throws IOException {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = f.getFileName().toString().replace(".java", "");
        sources.merge(name, Files.readString(f), String::concat);
      }
    }
    List<String> missing = new ArrayList<>();
    int named = 0;
    for (String doc : DOCS) {
      Matcher m = NAMED.matcher(Files.readString(Path.of(doc)));
      while (m.find()) {
        named++;
        String source = sources.get(m.group(1));
        if (source == null) {
          missing.add(doc + ": no test class " + m.group(1));
        } else if (m.group(2) != null) {
          String method = Pattern.quote(m.group(2)) + (m.group(3) != null ? "\\w*" : "");
          if (!Pattern.compile("\\bvoid\\s+" + method + "\\s*\\(").matcher(source).find()) {
            missing.add(doc + ": no test method " + m.group(1) + "#" + m.group(2));
          }
        }
      }
    }
    assertThat(named).as("tests named in %s", DOCS).isGreaterThan(20);
    assertThat(missing).as("promises whose named test does not exist").isEmpty();
  }
}
