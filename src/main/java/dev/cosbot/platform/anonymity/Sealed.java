package dev.cosbot.platform.anonymity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes and AES-GCM seals under the app secret, each bound to a purpose, for features that
 * must store something about a person without linking it to them: "who may vote once" (a keyed
 * hash), "how to reach the asker" (a sealed reply handle), "which note this button opens" (a sealed
 * token). Without the app secret a stored hash or seal names nobody.
 */
@ApplicationScoped
public class Sealed {
  /**
   * The purpose of a reply handle: a person's id sealed so that a Chief of Staff can write to them
   * (through the bot) without knowing who they are. Shared by every feature that keeps one.
   */
  public static final String REPLY_HANDLE = "anonymous reply handle";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject AppSecret secret;

  private final SecureRandom random = new SecureRandom();
  private SecretKeySpec hashKey;
  private SecretKeySpec sealKey;

  @PostConstruct
  void init() {
    hashKey = new SecretKeySpec(secret.derive("cos-bot anonymity hash v1"), "HmacSHA256");
    sealKey = new SecretKeySpec(secret.derive("cos-bot anonymity seal v1"), "AES");
  }

  /**
   * A keyed hash of {@code parts} for {@code purpose} (hex): stable, meaningless without the key.
   */
  public String hash(String purpose, String... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      for (String part : parts) {
        mac.update((byte) 0);
        mac.update(part.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Seals {@code plaintext} for {@code purpose} with a fresh random nonce (never twice the same).
   */
  public byte[] seal(String purpose, String plaintext) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(nonce.length + body.length).put(nonce).put(body).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens a seal of {@code purpose}; empty when tampered with, of another purpose or secret. */
  public Optional<String> open(String purpose, byte[] sealed) {
    if (sealed == null || sealed.length <= NONCE_BYTES) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #seal} as URL-safe text, for a button value or private_metadata. */
  public String sealToken(String purpose, String plaintext) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(seal(purpose, plaintext));
  }

  /** Opens a {@link #sealToken}; empty for anything garbled, tampered or of another purpose. */
  public Optional<String> openToken(String purpose, String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    try {
      return open(purpose, Base64.getUrlDecoder().decode(token.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
