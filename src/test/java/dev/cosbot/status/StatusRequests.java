package dev.cosbot.status;

import dev.cosbot.testsupport.SlackRequests;

/** Test helper: the {@code state.values} of filled-in status modals, as Slack sends them. */
public final class StatusRequests {
  private StatusRequests() {}

  public static String text(String block, String value) {
    return "\""
        + block
        + "\":{\"v\":{\"type\":\"plain_text_input\",\"value\":"
        + SlackRequests.jsonString(value)
        + "}}";
  }

  public static String user(String block, String id) {
    return "\""
        + block
        + "\":{\"v\":{\"type\":\"users_select\",\"selected_user\":"
        + SlackRequests.jsonString(id)
        + "}}";
  }

  public static String select(String block, String value) {
    return "\""
        + block
        + "\":{\"v\":{\"type\":\"static_select\",\"selected_option\":"
        + (value == null
            ? "null"
            : "{\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"" + value + "\"}")
        + "}}";
  }

  public static String initiativeValues(
      String name, String owner, String team, String time, String channel) {
    return "{"
        + String.join(
            ",",
            text("name", name),
            text("description", "What it is"),
            user("owner", owner),
            text("team", team),
            user("dri", null),
            user("sponsor", null),
            "\"target_date\":{\"v\":{\"type\":\"datepicker\",\"selected_date\":null}}",
            text("tags", "q4"),
            select("every_weeks", "1"),
            select("cadence_day", "5"),
            "\"cadence_time\":{\"v\":{\"type\":\"timepicker\",\"selected_time\":"
                + SlackRequests.jsonString(time)
                + "}}",
            "\"report_channel\":{\"v\":{\"type\":\"channels_select\",\"selected_channel\":"
                + SlackRequests.jsonString(channel)
                + "}}")
        + "}";
  }

  public static String updateValues(
      String rag,
      String summary,
      String risks,
      String asks,
      String askTo,
      String confidence,
      String percent) {
    return "{"
        + String.join(
            ",",
            select("rag", rag),
            text("summary", summary),
            text("progress", "Shipped the API"),
            text("risks", risks),
            text("asks", asks),
            user("ask_to", askTo),
            select("confidence", confidence),
            text("percent", percent))
        + "}";
  }
}
