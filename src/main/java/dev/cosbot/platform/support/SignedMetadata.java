package dev.cosbot.platform.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tamper-proof ids in {@code private_metadata} and button values. Slack hands a view's
 * private_metadata back in the view_submission unchanged, but anyone who can post to /slack/events
 * with a valid signature path (or a compromised client) controls it; a feature that puts ids in it
 * ("which initiative", "which survey") must not trust it blindly. {@link #sign} appends an HMAC of
 * the value made with a key derived from the Slack signing secret; {@link #verify} gives the value
 * back only if the HMAC matches.
 *
 * <p>Use: {@code .privateMetadata(signed.sign(initiativeId))} when building the modal, and {@code
 * String id = signed.require(view.getPrivateMetadata())} in the submission handler (a {@link
 * UserFacingException} tells the person to open the form again). Still re-check on the server that
 * the submitter may act on that id: the signature proves the bot wrote it, not that this person may
 * use it.
 */
@ApplicationScoped
public class SignedMetadata {
  /** Separator between the value and its signature; the signature never contains it. */
  static final char SEPARATOR = '~';

  /** Longest value that still fits Slack's 3,000-character private_metadata once signed. */
  public static final int MAX_VALUE_LENGTH = 3000 - 1 - 43;

  private final byte[] key;

  @Inject
  public SignedMetadata(
      @ConfigProperty(name = "cosbot.slack.signing-secret") Optional<String> signingSecret,
      @ConfigProperty(name = "cosbot.slack.app-token") Optional<String> appToken,
      @ConfigProperty(name = "cosbot.slack.bot-token") Optional<String> botToken) {
    this(signingSecret.or(() -> appToken).or(() -> botToken));
  }

  SignedMetadata(Optional<String> secret) {
    byte[] material;
    if (secret.isPresent() && !secret.get().isBlank()) {
      material = secret.get().getBytes(StandardCharsets.UTF_8);
    } else {
      // Offline: nothing to derive from; metadata signed now is valid until the process stops.
      material = new byte[32];
      new SecureRandom().nextBytes(material);
    }
    // Derived key: a private_metadata signature can never be replayed as a Slack request signature.
    this.key = hmac(material, "cos-bot private_metadata v1".getBytes(StandardCharsets.UTF_8));
  }

  /** A signer with its own key, for pure code and tests that have no configuration. */
  public static SignedMetadata withSecret(String secret) {
    return new SignedMetadata(Optional.of(secret));
  }

  /** A signed id for a button value or {@code private_metadata}. */
  public String signId(long id) {
    return sign(String.valueOf(id));
  }

  /**
   * The id in {@code signed} if it was signed here and not changed since; empty for a tampered,
   * garbled or missing value (the caller answers "I can't find that").
   */
  public java.util.OptionalLong id(String signed) {
    Optional<String> value = verify(signed);
    if (value.isEmpty()) {
      return java.util.OptionalLong.empty();
    }
    try {
      return java.util.OptionalLong.of(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }

  /** {@code value} followed by its signature, ready for {@code private_metadata}. */
  public String sign(String value) {
    String v = value == null ? "" : value;
    if (v.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          "private_metadata value longer than " + MAX_VALUE_LENGTH + " characters");
    }
    return v + SEPARATOR + signature(v);
  }

  /**
   * The value if {@code signed} was produced by {@link #sign} with this key and not changed since.
   */
  public Optional<String> verify(String signed) {
    if (signed == null) {
      return Optional.empty();
    }
    int at = signed.lastIndexOf(SEPARATOR);
    if (at < 0) {
      return Optional.empty();
    }
    String value = signed.substring(0, at);
    byte[] expected = signature(value).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signed.substring(at + 1).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given) ? Optional.of(value) : Optional.empty();
  }

  /** The verified value, or a polite refusal that tells the person to open the form again. */
  public String require(String signed) {
    return verify(signed)
        .orElseThrow(
            () ->
                new UserFacingException(
                    "This form has expired or was changed. Please open it again."));
  }

  private String signature(String value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(hmac(key, value.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
