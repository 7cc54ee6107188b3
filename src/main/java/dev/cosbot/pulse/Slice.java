package dev.cosbot.pulse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A slice of a survey's breakdown: a Slack user group and the name it was picked by. A person in
 * several listed groups counts in the first one, so slices never overlap and "total minus the shown
 * slices" is the only subtraction to guard against.
 */
public record Slice(String groupId, String name) {
  /** The most slices a survey may name (the heatmap stays readable, the modal small). */
  public static final int MAX = 10;

  static String toJson(List<Slice> slices) {
    if (slices == null || slices.isEmpty()) {
      return null;
    }
    JsonArray out = new JsonArray();
    for (Slice s : slices) {
      JsonObject o = new JsonObject();
      o.addProperty("id", s.groupId());
      o.addProperty("name", s.name());
      out.add(o);
    }
    return out.toString();
  }

  static List<Slice> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    List<Slice> out = new ArrayList<>();
    for (var e : JsonParser.parseString(json).getAsJsonArray()) {
      JsonObject o = e.getAsJsonObject();
      out.add(new Slice(o.get("id").getAsString(), o.get("name").getAsString()));
    }
    return List.copyOf(out);
  }
}
