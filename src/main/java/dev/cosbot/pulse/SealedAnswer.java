package dev.cosbot.pulse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What is sealed for one person's answer while a round is open, and opened in memory at close: the
 * answers, the respondent (named surveys only) and the slice (breakdowns only). Everything that
 * must not be linked to a person before close goes in here and nowhere else; a new field (say, a
 * reply channel for an anonymous comment) is one more optional member.
 *
 * @param answers question index → value, as the answer modal produced them
 * @param respondent who answered, only for named surveys; null when anonymous
 * @param slice index of the respondent's slice in the survey's list; null for none
 * @param replyHandle the writer's sealed reply handle (anonymous answers with a comment); null
 *     otherwise
 */
public record SealedAnswer(
    JsonObject answers, String respondent, Integer slice, String replyHandle) {
  String toJson() {
    JsonObject envelope = new JsonObject();
    envelope.add("a", answers);
    if (respondent != null) {
      envelope.addProperty("r", respondent);
    }
    if (slice != null) {
      envelope.addProperty("s", slice);
    }
    if (replyHandle != null) {
      envelope.addProperty("h", replyHandle);
    }
    return envelope.toString();
  }

  static SealedAnswer fromJson(String json) {
    JsonObject envelope = JsonParser.parseString(json).getAsJsonObject();
    return new SealedAnswer(
        envelope.getAsJsonObject("a"),
        envelope.has("r") && !envelope.get("r").isJsonNull()
            ? envelope.get("r").getAsString()
            : null,
        envelope.has("s") && !envelope.get("s").isJsonNull() ? envelope.get("s").getAsInt() : null,
        envelope.has("h") && !envelope.get("h").isJsonNull()
            ? envelope.get("h").getAsString()
            : null);
  }
}
