package dev.cosbot.platform.spi;

/**
 * An optional button on a digest line. The digest feature handles the generic actions below; a
 * source may also name an action its own feature handles (e.g. {@code decision_approve}).
 *
 * @param label the button text (≤ 75 characters)
 * @param actionId the Bolt action id
 * @param value the button value (≤ 2,000 characters)
 */
public record DigestButton(String label, String actionId, String value) {
  /**
   * Action handled by the digest feature: DMs {@code ownerUserId} on the reader's behalf, naming
   * them.
   */
  public static final String ASK_OWNER = "digest_ask_owner";

  /**
   * "Ask owner for detail": value is {@code ownerUserId|subject} (subject is plain text, ≤ 200
   * chars).
   */
  public static DigestButton askOwner(String ownerUserId, String subject) {
    String s = subject == null ? "" : subject.replace('|', '/');
    return new DigestButton(
        "Ask owner for detail",
        ASK_OWNER,
        ownerUserId + "|" + (s.length() > 200 ? s.substring(0, 200) : s));
  }
}
