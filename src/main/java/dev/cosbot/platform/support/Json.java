package dev.cosbot.platform.support;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;

/**
 * Serialises Slack SDK model objects (blocks, views) to the snake_case JSON the Web API expects.
 */
public final class Json {
  private static final Gson SLACK = GsonFactory.createSnakeCase();

  private Json() {}

  public static Gson slack() {
    return SLACK;
  }

  public static String toSlackJson(Object value) {
    return SLACK.toJson(value);
  }
}
