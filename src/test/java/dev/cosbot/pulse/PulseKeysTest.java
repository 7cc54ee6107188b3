package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key of its own: where the pulse secret comes from, and what happens without one. */
class PulseKeysTest {
  @TempDir Path dataDir;

  @Test
  void embeddedDatabaseGeneratesAnOwnerOnlySecretOnceAndKeepsIt() throws Exception {
    String first = PulseKeys.secret(Optional.empty(), true, dataDir);
    Path file = dataDir.resolve(PulseKeys.KEY_FILE);
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first).hasSizeGreaterThanOrEqualTo(40).doesNotContain("signing");
    assertThat(PulseKeys.secret(Optional.of("  "), true, dataDir)).isEqualTo(first);

    // Loosened permissions are tightened again on the next start.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(PulseKeys.secret(Optional.empty(), true, dataDir)).isEqualTo(first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    // Another data directory, another secret: it is random, not derived from anything.
    Path other = Files.createDirectory(dataDir.resolve("other"));
    assertThat(PulseKeys.secret(Optional.empty(), true, other)).isNotEqualTo(first);
  }

  @Test
  void aConfiguredSecretWinsAndMustNotBeShort() {
    assertThat(PulseKeys.secret(Optional.of("a-long-enough-secret"), true, dataDir))
        .isEqualTo("a-long-enough-secret");
    assertThat(dataDir.resolve(PulseKeys.KEY_FILE)).doesNotExist();
    assertThatThrownBy(() -> PulseKeys.secret(Optional.of("short"), false, dataDir))
        .hasMessageContaining("too short");
  }

  @Test
  void anExternalDatabaseWithoutASecretIsAClearStartUpError() {
    assertThatThrownBy(() -> PulseKeys.secret(Optional.empty(), false, dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("COSBOT_PULSE_BALLOT_SECRET is not set")
        .hasMessageContaining("external database");
    assertThat(dataDir.resolve(PulseKeys.KEY_FILE)).doesNotExist();
  }
}
