package dev.cosbot.platform.slack;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Message metadata carrying a hash of the idempotency key (never the key itself, which may name
 * people): lets the dispatcher find out whether a message whose delivery was interrupted did reach
 * Slack before sending it again.
 */
public final class DeliveryMark {
  private DeliveryMark() {}

  /** The metadata event type of a delivery mark. */
  public static final String EVENT = "cosbot_delivery";

  /** The field of the event payload that holds the mark. */
  public static final String FIELD = "mark";

  /** The {@code metadata} object to attach to a {@code chat.postMessage} sent under {@code key}. */
  public static JsonObject metadata(String key) {
    JsonObject payload = new JsonObject();
    payload.addProperty(FIELD, of(key));
    JsonObject metadata = new JsonObject();
    metadata.addProperty("event_type", EVENT);
    metadata.add("event_payload", payload);
    return metadata;
  }

  /** The mark of {@code key}: the first 12 bytes of its SHA-256, in hex. */
  public static String of(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
