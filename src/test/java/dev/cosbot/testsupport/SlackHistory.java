package dev.cosbot.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes WireMock remember like Slack does: {@code conversations.history}/{@code replies} answer
 * with the messages that were actually posted to it (from its request journal, metadata included),
 * and {@code conversations.open} gives each user a DM channel {@code D<user id>}.
 */
public class SlackHistory implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "slack-history";
  private volatile WireMockServer server;

  void attach(WireMockServer server) {
    this.server = server;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    String url = serveEvent.getRequest().getUrl();
    Map<String, String> form = form(serveEvent.getRequest().getBodyAsString());
    JsonObject answer = new JsonObject();
    answer.addProperty("ok", true);
    if (url.endsWith("/conversations.open")) {
      JsonObject channel = new JsonObject();
      channel.addProperty("id", "D" + form.getOrDefault("users", "UNKNOWN"));
      answer.add("channel", channel);
    } else {
      String channel = form.getOrDefault("channel", "");
      String user = channel.startsWith("D") ? channel.substring(1) : null;
      JsonArray messages = new JsonArray();
      for (ServeEvent e : server.getAllServeEvents()) {
        // Slack has the message once it accepted the request, whether or not the answer reached
        // the caller (it may have timed out or died): judge by the answer WireMock chose.
        ResponseDefinition chosen = e.getResponseDefinition();
        if (!e.getRequest().getUrl().endsWith("/chat.postMessage")
            || chosen == null
            || chosen.getStatus() != 200
            || chosen.getFault() != null
            || String.valueOf(chosen.getBody()).contains("\"ok\":false")) {
          continue;
        }
        JsonObject body;
        JsonObject response = new JsonObject();
        try {
          body = JsonParser.parseString(e.getRequest().getBodyAsString()).getAsJsonObject();
          if (e.getResponse() != null
              && e.getResponse().getBodyAsString() != null
              && e.getResponse().getBodyAsString().startsWith("{")) {
            response = JsonParser.parseString(e.getResponse().getBodyAsString()).getAsJsonObject();
          }
        } catch (RuntimeException notJson) {
          continue;
        }
        String to = body.has("channel") ? body.get("channel").getAsString() : "";
        if (!to.equals(channel) && !to.equals(user)) {
          continue;
        }
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("ts", response.has("ts") ? response.get("ts").getAsString() : "0");
        if (body.has("text")) {
          message.add("text", body.get("text"));
        }
        if (body.has("metadata")) {
          message.add("metadata", body.get("metadata"));
        }
        messages.add(message);
      }
      answer.add("messages", messages);
      answer.addProperty("has_more", false);
    }
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(answer.toString())
        .build();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    if (body == null) {
      return out;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
