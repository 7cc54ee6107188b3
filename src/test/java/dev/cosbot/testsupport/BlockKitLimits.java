package dev.cosbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks messages, modals and Home views against Slack's Block Kit limits (NOTES.md). Used on every
 * call WireMock captured and on every immediate answer to a Slack request.
 */
public final class BlockKitLimits {
  private BlockKitLimits() {}

  /** Asserts every captured Web API call that carries blocks or a view is within Slack's limits. */
  public static void assertAllCapturedCallsValid(WireMockServer slack) {
    List<String> problems = new ArrayList<>();
    for (ServeEvent event : slack.getAllServeEvents()) {
      String path = event.getRequest().getUrl();
      String method = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      JsonObject body =
          body(
              event.getRequest().getBodyAsString(),
              event.getRequest().contentTypeHeader().mimeTypePart());
      if (body == null) {
        continue;
      }
      for (String p : violations(method, body)) {
        problems.add(method + ": " + p);
      }
    }
    assertThat(problems).as("Block Kit limit violations in calls sent to Slack").isEmpty();
  }

  /** Asserts an immediate JSON answer (slash command ack, response_action) is within limits. */
  public static void assertAckValid(String json) {
    if (json == null || json.isBlank() || !json.trim().startsWith("{")) {
      return;
    }
    JsonObject body = JsonParser.parseString(json).getAsJsonObject();
    List<String> problems = new ArrayList<>(violations("ack", body));
    assertThat(problems).as("Block Kit limit violations in an answer to Slack").isEmpty();
    HumaneText.assertAckHumane(json);
  }

  public static List<String> violations(String method, JsonObject body) {
    List<String> p = new ArrayList<>();
    if (body.has("view")) {
      JsonElement view = body.get("view");
      JsonObject v =
          view.isJsonPrimitive()
              ? JsonParser.parseString(view.getAsString()).getAsJsonObject()
              : view.getAsJsonObject();
      checkView(v, p);
    }
    if (body.has("blocks")) {
      JsonElement blocks = body.get("blocks");
      JsonArray array =
          blocks.isJsonPrimitive()
              ? JsonParser.parseString(blocks.getAsString()).getAsJsonArray()
              : blocks.getAsJsonArray();
      max(p, "message blocks", array.size(), 50);
      checkBlocks(array, p);
      int total = 0;
      for (JsonElement b : array) {
        total += b.toString().length();
      }
      max(p, "message block JSON size (msg_blocks_too_long risk)", total, 13_000);
    }
    if (body.has("text") && body.get("text").isJsonPrimitive()) {
      max(p, "message text", body.get("text").getAsString().length(), 4000);
    }
    if (body.has("response_action") && "errors".equals(body.get("response_action").getAsString())) {
      for (Map.Entry<String, JsonElement> e : body.getAsJsonObject("errors").entrySet()) {
        max(p, "error block_id", e.getKey().length(), 255);
      }
    }
    return p;
  }

  private static void checkView(JsonObject v, List<String> p) {
    String type = str(v, "type");
    JsonArray blocks = v.has("blocks") ? v.getAsJsonArray("blocks") : new JsonArray();
    max(p, type + " blocks", blocks.size(), 100);
    if ("modal".equals(type)) {
      maxText(p, "modal title", v.get("title"), 24);
      maxText(p, "modal submit", v.get("submit"), 24);
      maxText(p, "modal close", v.get("close"), 24);
      if (!v.has("title")) {
        p.add("modal without title");
      }
    }
    if (v.has("private_metadata")) {
      max(p, "private_metadata", str(v, "private_metadata").length(), 3000);
    }
    if (v.has("callback_id")) {
      max(p, "callback_id", str(v, "callback_id").length(), 255);
    }
    max(p, "view size bytes", v.toString().getBytes(StandardCharsets.UTF_8).length, 250_000);
    checkBlocks(blocks, p);
  }

  private static void checkBlocks(JsonArray blocks, List<String> p) {
    for (JsonElement element : blocks) {
      JsonObject b = element.getAsJsonObject();
      String type = str(b, "type");
      if (b.has("block_id")) {
        max(p, "block_id", str(b, "block_id").length(), 255);
      }
      switch (type) {
        case "section" -> {
          maxText(p, "section text", b.get("text"), 3000);
          if (b.has("fields")) {
            JsonArray fields = b.getAsJsonArray("fields");
            max(p, "section fields", fields.size(), 10);
            fields.forEach(f -> maxText(p, "section field", f, 2000));
          }
          if (!b.has("text") && !b.has("fields")) {
            p.add("section without text or fields");
          }
          if (b.has("accessory")) {
            checkElement(b.getAsJsonObject("accessory"), p);
          }
        }
        case "header" -> {
          maxText(p, "header", b.get("text"), 150);
          if (b.has("text") && !"plain_text".equals(str(b.getAsJsonObject("text"), "type"))) {
            p.add("header text must be plain_text");
          }
        }
        case "context" -> {
          JsonArray elements = b.getAsJsonArray("elements");
          max(p, "context elements", elements.size(), 10);
          elements.forEach(e -> maxText(p, "context text", e, 3000));
        }
        case "actions" -> {
          JsonArray elements = b.getAsJsonArray("elements");
          max(p, "actions elements", elements.size(), 25);
          elements.forEach(e -> checkElement(e.getAsJsonObject(), p));
        }
        case "input" -> {
          maxText(p, "input label", b.get("label"), 2000);
          maxText(p, "input hint", b.get("hint"), 2000);
          if (b.has("element")) {
            checkElement(b.getAsJsonObject("element"), p);
          }
        }
        default -> {}
      }
    }
  }

  private static void checkElement(JsonObject e, List<String> p) {
    String type = str(e, "type");
    if (e.has("action_id")) {
      max(p, "action_id", str(e, "action_id").length(), 255);
    }
    if ("button".equals(type)) {
      maxText(p, "button text", e.get("text"), 75);
      if (e.has("value")) {
        max(p, "button value", str(e, "value").length(), 2000);
      }
      if (e.has("url")) {
        max(p, "button url", str(e, "url").length(), 3000);
      }
    }
    if ("plain_text_input".equals(type) && e.has("max_length")) {
      max(p, "plain_text_input max_length", e.get("max_length").getAsInt(), 3000);
    }
    if (e.has("options")) {
      JsonArray options = e.getAsJsonArray("options");
      max(p, "options", options.size(), 100);
      options.forEach(
          o -> {
            maxText(p, "option text", o.getAsJsonObject().get("text"), 75);
            if (o.getAsJsonObject().has("value")) {
              max(p, "option value", str(o.getAsJsonObject(), "value").length(), 150);
            }
          });
    }
    if (e.has("placeholder")) {
      maxText(p, "placeholder", e.get("placeholder"), 150);
    }
  }

  private static void maxText(List<String> p, String what, JsonElement textObject, int limit) {
    if (textObject == null || textObject.isJsonNull()) {
      return;
    }
    String text =
        textObject.isJsonObject()
            ? str(textObject.getAsJsonObject(), "text")
            : textObject.getAsString();
    if (text.isEmpty()) {
      p.add(what + " is empty");
    }
    max(p, what, text.length(), limit);
  }

  private static void max(List<String> p, String what, int value, int limit) {
    if (value > limit) {
      p.add(what + " is " + value + " (limit " + limit + ")");
    }
  }

  private static String str(JsonObject o, String field) {
    return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "";
  }

  static JsonObject body(String raw, String mime) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      if (mime != null && mime.contains("json")) {
        return JsonParser.parseString(raw).getAsJsonObject();
      }
      Map<String, String> form = new HashMap<>();
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          form.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      JsonObject o = new JsonObject();
      for (String key : List.of("blocks", "view", "text")) {
        if (form.containsKey(key)) {
          o.addProperty(key, form.get(key));
        }
      }
      return o;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
