package dev.cosbot.pulse;

import dev.cosbot.platform.anonymity.AppSecret;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pulse secret and what is derived from it: the ballot (a keyed hash that finds a person's own
 * sealed answer while a round is open) and the AES-GCM seal of open answers, derived from cos-bot's
 * own secret ({@link AppSecret}); without it nothing in the database links an answer to a person.
 */
@Startup
@ApplicationScoped
public class PulseKeys {

  /** The generated secret's file under {@code COSBOT_DATA_DIR}. */
  public static final String KEY_FILE = AppSecret.KEY_FILE;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject AppSecret appSecret;

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec ballotKey;
  private SecretKeySpec sealKey;

  @PostConstruct
  void init() {
    ballotKey = new SecretKeySpec(appSecret.derive("cos-bot pulse ballot v1"), "HmacSHA256");
    sealKey = new SecretKeySpec(appSecret.derive("cos-bot pulse seal v1"), "AES");
  }

  /** The secret as {@link AppSecret#load} finds it (kept for the pulse key tests). */
  static String secret(Optional<String> configured, boolean embedded, Path dataDir) {
    return AppSecret.load(configured, embedded, dataDir);
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
