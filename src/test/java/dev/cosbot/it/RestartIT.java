package dev.cosbot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.SlackApiTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The default run: embedded PostgreSQL under COSBOT_DATA_DIR, ready, and the data survives a
 * restart.
 */
class RestartIT {

  @Test
  void embeddedDatabaseKeepsDataAcrossRestarts() throws Exception {
    Path dataDir = Path.of("target", "it-data", "restart-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    try (ItSlack slack = new ItSlack()) {
      Map<String, String> env = slack.env();
      env.put("COSBOT_DATA_DIR", dataDir.toString());
      env.put("COSBOT_ADMINS", "U0FOUNDER");

      AppProcess first = new AppProcess("restart-1", env).start();
      try {
        assertThat(first.log())
            .contains("started embedded PostgreSQL")
            .contains("survives restarts");
        SlackApiTestResource.knowsUser(slack.server, "U0KEEPER", "keeper", "Kee Per", "UTC");
        assertThat(ItSlack.text(slack.cos(first, "U0FOUNDER", "admin add <@U0KEEPER|keeper>")))
            .contains("is now a Chief of Staff");
      } finally {
        first.stop();
      }
      assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();
      // The pulse secret of its own: generated on the first start, owner-only, kept for the next.
      Path key = dataDir.resolve("pulse-ballot.key");
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
      String secret = Files.readString(key);
      assertThat(secret.strip()).hasSizeGreaterThanOrEqualTo(40);

      AppProcess second = new AppProcess("restart-2", env).start();
      try {
        assertThat(second.managementStatus("/q/health/ready")).isEqualTo(200);
        // U0KEEPER was made an admin by the first run: only the database can remember that.
        assertThat(ItSlack.text(slack.cos(second, "U0KEEPER", "admin list")))
            .contains("<@U0KEEPER>");
      } finally {
        second.stop();
      }
      assertThat(Files.readString(key)).as("the same secret after a restart").isEqualTo(secret);
    }
  }

  @Test
  void aHardKilledRunDoesNotBlockTheNextStart() throws Exception {
    Path dataDir = Path.of("target", "it-data", "kill-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    try (ItSlack slack = new ItSlack()) {
      Map<String, String> env = slack.env();
      env.put("COSBOT_DATA_DIR", dataDir.toString());
      env.put("COSBOT_ADMINS", "U0FOUNDER");
      AppProcess first = new AppProcess("kill-1", env).start();
      first.kill();
      // The orphaned PostgreSQL still holds postmaster.pid; the next start must cope.
      AppProcess second = new AppProcess("kill-2", env).start();
      try {
        assertThat(second.managementStatus("/q/health/ready")).isEqualTo(200);
      } finally {
        second.stop();
      }
    }
  }
}
