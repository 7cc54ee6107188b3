package dev.cosbot.platform.anonymity;

import dev.cosbot.platform.slack.SlackSettings;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * cos-bot's own secret (historically "the pulse secret"): configured, or generated once into an
 * owner-only file next to the embedded database; never the Slack signing secret. Features derive
 * their keys from it by purpose, so that without it nothing in the database links an anonymous
 * answer, question, vote or conversation to a person.
 */
@Startup
@ApplicationScoped
public class AppSecret {
  private static final Logger LOG = Logger.getLogger(AppSecret.class);

  /** The generated secret's file under {@code COSBOT_DATA_DIR}. */
  public static final String KEY_FILE = "pulse-ballot.key";

  /** A configured secret shorter than this is refused (a guessable key would undo the seal). */
  public static final int MIN_LENGTH = 16;

  @Inject SlackSettings slack;

  @ConfigProperty(name = "cosbot.pulse.ballot-secret")
  Optional<String> configured;

  @ConfigProperty(name = "cosbot.data-dir", defaultValue = "./data")
  String dataDir;

  /** Set by the launcher when it started the embedded database (no datasource URL configured). */
  @ConfigProperty(name = "cosbot.database.embedded", defaultValue = "false")
  boolean embeddedDatabase;

  private byte[] secret;

  @PostConstruct
  void init() {
    String value = load(configured, embeddedDatabase, Path.of(dataDir));
    if (slack.signingSecret().filter(value::equals).isPresent()) {
      throw new IllegalStateException(
          "COSBOT_PULSE_BALLOT_SECRET must not be the Slack signing secret: everyone who"
              + " operates the Slack app knows that one. Generate a separate secret, e.g."
              + " `openssl rand -base64 32`.");
    }
    secret = value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A 32-byte key for one purpose (e.g. {@code "cos-bot ask vote v1"}), derived from the secret.
   */
  public byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The secret: the configured one; else, with the embedded database, the one kept in {@code
   * dataDir/pulse-ballot.key} (generated on first start, owner-only); else a start-up error.
   */
  public static String load(Optional<String> configured, boolean embedded, Path dataDir) {
    Optional<String> given = configured.map(String::trim).filter(s -> !s.isEmpty());
    if (given.isPresent()) {
      if (given.get().length() < MIN_LENGTH) {
        throw new IllegalStateException(
            "COSBOT_PULSE_BALLOT_SECRET is too short (at least "
                + MIN_LENGTH
                + " characters). Generate one with `openssl rand -base64 32`.");
      }
      return given.get();
    }
    if (!embedded) {
      throw new IllegalStateException(
          "COSBOT_PULSE_BALLOT_SECRET is not set. With an external database cos-bot needs its own"
              + " secret to seal anonymous pulse answers, kept outside the database: generate one"
              + " with `openssl rand -base64 32` and set it (the Helm chart takes it from a Secret)."
              + " See docs/privacy.md.");
    }
    try {
      return fromFile(dataDir.resolve(KEY_FILE));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not read or create the pulse secret in "
              + dataDir.resolve(KEY_FILE)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static synchronized String fromFile(Path file) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    if (Files.exists(file)) {
      String existing = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (posix && !Files.getPosixFilePermissions(file).equals(ownerOnly)) {
        Files.setPosixFilePermissions(file, ownerOnly);
        LOG.warnf("%s was readable by others; made it readable by its owner only", file);
      }
      if (existing.length() >= MIN_LENGTH) {
        return existing;
      }
      // An empty file is a first start that did not finish writing: nothing was sealed with it.
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String secret = Base64.getEncoder().encodeToString(raw);
    Path temp =
        posix
            ? Files.createTempFile(
                file.toAbsolutePath().getParent(),
                ".pulse-key",
                ".tmp",
                PosixFilePermissions.asFileAttribute(ownerOnly))
            : Files.createTempFile(file.toAbsolutePath().getParent(), ".pulse-key", ".tmp");
    Files.writeString(temp, secret + "\n", StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    LOG.infof(
        "Generated the pulse secret in %s (owner-only). Back it up with the data directory:"
            + " without it, answers of open rounds cannot be opened.",
        file);
    return secret;
  }
}
