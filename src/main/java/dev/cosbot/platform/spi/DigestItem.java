package dev.cosbot.platform.spi;

/**
 * One line of the digest.
 *
 * @param key stable identity used for pin and mute, {@code <kind>:<id>}, e.g. {@code escalation:42}
 * @param section where it goes
 * @param rank importance within its section, 0–100 (higher first); e.g. S1 breach 100, S2 open 70
 * @param text one line of mrkdwn, user text already escaped with SlackText.escape, ≤ 300 chars
 * @param link permalink or thread URL to open, or null
 * @param button an optional button, or null
 */
public record DigestItem(
    String key, DigestSection section, int rank, String text, String link, DigestButton button) {
  public DigestItem {
    if (key == null || key.isBlank() || section == null || text == null) {
      throw new IllegalArgumentException("key, section and text are required");
    }
    rank = Math.max(0, Math.min(100, rank));
  }

  public String kind() {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }
}
