package dev.cosbot.escalation;

import dev.cosbot.testsupport.SlackRequests;

/** Test helper: the {@code state.values} of a filled-in raise modal, as Slack sends it. */
public final class EscalationRequests {
  private EscalationRequests() {}

  public static String raiseValues(
      String title,
      String details,
      String severity,
      String area,
      String link,
      boolean confidential) {
    return "{\"esc_title\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(title)
        + "}},"
        + "\"esc_details\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(details)
        + "}},"
        + "\"esc_severity\":{\"value\":{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\""
        + severity
        + "\"},\"value\":\""
        + severity
        + "\"}}},"
        // The area is picked from the menu of defined areas.
        + "\"esc_area\":{\"value\":{\"type\":\"static_select\",\"selected_option\":"
        + (area == null || area.isEmpty()
            ? "null"
            : "{\"text\":{\"type\":\"plain_text\",\"text\":"
                + SlackRequests.jsonString(area)
                + "},\"value\":"
                + SlackRequests.jsonString(area)
                + "}")
        + "}},"
        + "\"esc_link\":{\"value\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(link)
        + "}},"
        + "\"esc_confidential\":{\"value\":{\"type\":\"checkboxes\",\"selected_options\":["
        + (confidential
            ? "{\"text\":{\"type\":\"plain_text\",\"text\":\"Confidential\"},\"value\":\"yes\"}"
            : "")
        + "]}}}";
  }

  /** The signed-form body of a raise-modal submission. */
  public static String raiseSubmissionBody(
      String reporter, String title, String severity, String area) {
    return SlackRequests.form(
        "payload",
        SlackRequests.viewSubmission(
            reporter,
            EscalationIds.RAISE_VIEW,
            "",
            raiseValues(title, "", severity, area, "", false)));
  }
}
