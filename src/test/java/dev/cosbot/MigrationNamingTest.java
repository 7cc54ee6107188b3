package dev.cosbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The migration naming scheme of docs/architecture.md: the applied migrations keep their numbers;
 * every new one is {@code V<yyyymmddhhmm>__<what>.sql}, so branches never fight over a number.
 */
class MigrationNamingTest {
  /** Applied on existing installs before the scheme: never renamed, never edited. */
  static final Set<String> LEGACY =
      Set.of(
          "V1__quartz_tables.sql",
          "V2__foundation.sql",
          "V3__outbox_uncertain.sql",
          "V10__status.sql",
          "V11__status_indexes.sql",
          "V20__pulse.sql",
          "V21__pulse_sealed.sql",
          "V22__pulse_release.sql",
          "V30__escalation.sql",
          "V40__cadence.sql",
          "V50__digest_and_decisions.sql",
          "V65__outbox_reliability.sql");

  static final Pattern NEW =
      Pattern.compile("V(20\\d{2})(0[1-9]|1[0-2])([0-3]\\d)([0-2]\\d)([0-5]\\d)__[a-z0-9_]+\\.sql");

  @Test
  void newMigrationsAreNamedByTheirCreationTime() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(names).containsAll(LEGACY);
    assertThat(names.stream().filter(n -> !LEGACY.contains(n)))
        .as("new migrations are V<yyyymmddhhmm>__<lower_case_what>.sql")
        .allMatch(n -> NEW.matcher(n).matches());
    assertThat(names.stream().map(n -> n.substring(0, n.indexOf("__"))).distinct().count())
        .as("no two migrations share a version")
        .isEqualTo(names.size());
  }
}
