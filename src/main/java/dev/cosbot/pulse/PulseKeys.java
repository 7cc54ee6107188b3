package dev.cosbot.pulse;

import dev.cosbot.platform.slack.SlackSettings;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The pulse secret and what is derived from it: the ballot (a keyed hash that finds a person's own
 * sealed answer while a round is open) and the AES-GCM seal of open answers. The secret is
 * cos-bot's own — configured, or generated once into an owner-only file next to the embedded
 * database — and never the Slack signing secret; without it nothing in the database links an answer
 * to a person.
 */
@Startup
@ApplicationScoped
public class PulseKeys {
  private static final Logger LOG = Logger.getLogger(PulseKeys.class);

  /** The generated secret's file under {@code COSBOT_DATA_DIR}. */
  public static final String KEY_FILE = "pulse-ballot.key";

  /** A configured secret shorter than this is refused (a guessable key would undo the seal). */
  static final int MIN_LENGTH = 16;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject PulseSettings settings;
  @Inject SlackSettings slack;

  @ConfigProperty(name = "cosbot.data-dir", defaultValue = "./data")
  String dataDir;

  /** Set by the launcher when it started the embedded database (no datasource URL configured). */
  @ConfigProperty(name = "cosbot.database.embedded", defaultValue = "false")
  boolean embeddedDatabase;

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec ballotKey;
  private SecretKeySpec sealKey;

  @PostConstruct
  void init() {
    String secret = secret(settings.ballotSecret(), embeddedDatabase, Path.of(dataDir));
    if (slack.signingSecret().filter(secret::equals).isPresent()) {
      throw new IllegalStateException(
          "COSBOT_PULSE_BALLOT_SECRET must not be the Slack signing secret: everyone who"
              + " operates the Slack app knows that one. Generate a separate secret, e.g."
              + " `openssl rand -base64 32`.");
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    ballotKey = new SecretKeySpec(derive(bytes, "cos-bot pulse ballot v1"), "HmacSHA256");
    sealKey = new SecretKeySpec(derive(bytes, "cos-bot pulse seal v1"), "AES");
  }

  /**
   * The secret: the configured one; else, with the embedded database, the one kept in {@code
   * dataDir/pulse-ballot.key} (generated on first start, owner-only); else a start-up error.
   */
  static String secret(Optional<String> configured, boolean embedded, Path dataDir) {
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

  private static String fromFile(Path file) throws IOException {
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

  private static byte[] derive(byte[] secret, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ballot of a person in a round: stable while the secret is, meaningless without it. */
  public String ballot(long roundId, String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(ballotKey);
      return HexFormat.of()
          .formatHex(mac.doFinal((roundId + "|" + userId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Seals {@code plaintext} for the given round and ballot (a fresh random nonce each time). */
  public byte[] seal(long roundId, String ballot, String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(roundId, ballot));
      byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(nonce.length + body.length).put(nonce).put(body).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens a sealed answer; empty when it was sealed under another secret (or tampered with). */
  public Optional<String> open(long roundId, String ballot, byte[] sealed) {
    if (sealed == null || sealed.length <= NONCE_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(aad(roundId, ballot));
      byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (javax.crypto.AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] aad(long roundId, String ballot) {
    return ("pulse:" + roundId + ":" + ballot).getBytes(StandardCharsets.UTF_8);
  }
}
