package dev.cosbot.escalation;

import dev.cosbot.ingress.command.CommandText;
import dev.cosbot.platform.support.UserFacingException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the routing rule for an escalation and parses {@code /cos route add}. Pure; unit-tested.
 */
public final class EscalationRouting {
  private EscalationRouting() {}

  /**
   * The first rule (in priority order) whose area and keywords match; empty means the default
   * route.
   */
  public static Optional<EscalationRoute> match(
      List<EscalationRoute> ordered, String area, String title, String details) {
    String text =
        ((title == null ? "" : title) + "\n" + (details == null ? "" : details))
            .toLowerCase(Locale.ROOT);
    for (EscalationRoute r : ordered) {
      boolean areaOk = r.area == null || r.area.equalsIgnoreCase(area == null ? "" : area.trim());
      List<String> keywords = r.keywordList();
      boolean keywordsOk = keywords.isEmpty() || keywords.stream().anyMatch(text::contains);
      if (areaOk && keywordsOk && (r.area != null || !keywords.isEmpty())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** How an escalation routed by no rule says where it went. */
  public static final String DEFAULT_LABEL =
      "the default route (no rule matched): the Chiefs of Staff";

  /** How an escalation routed by {@code r} says where it went (stored with it). */
  public static String label(EscalationRoute r) {
    return "rule #"
        + r.id
        + " ("
        + (r.area != null ? "area " + r.area : "")
        + (r.area != null && r.keywords != null ? ", " : "")
        + (r.keywords != null ? "keywords " + r.keywords : "")
        + ")";
  }

  public static final String ADD_USAGE =
      "Usage: `/cos route add area \"Security\" [keywords \"breach, phishing\"] owner @user|@group"
          + " [channel #channel] [backup @user] [priority 10]` (area and/or keywords; lower priority is tried first)";

  /** Parses the words after {@code add} into an unsaved rule (without created_by/at). */
  public static EscalationRoute parseAdd(List<String> words) {
    EscalationRoute r = new EscalationRoute();
    r.priority = 100;
    if (words.size() % 2 != 0) {
      throw new UserFacingException(ADD_USAGE);
    }
    for (int i = 0; i < words.size(); i += 2) {
      String key = words.get(i).toLowerCase(Locale.ROOT);
      String value = words.get(i + 1).trim();
      switch (key) {
        case "area" -> {
          if (value.isEmpty() || value.length() > 80) {
            throw new UserFacingException("The area must be 1 to 80 characters.");
          }
          r.area = value;
        }
        case "keywords", "keyword" -> {
          String k = value.toLowerCase(Locale.ROOT);
          if (k.length() > 500) {
            throw new UserFacingException("Keywords must fit in 500 characters.");
          }
          r.keywords = k.isBlank() ? null : k;
        }
        case "owner" -> {
          String user = CommandText.userId(value);
          String group = groupId(value);
          if (user == null && group == null) {
            throw new UserFacingException(
                "The owner must be a person (@ana) or a user group (@security-team).");
          }
          r.ownerUser = user;
          r.ownerGroup = group;
        }
        case "channel" -> {
          String channel = CommandText.channelId(value);
          if (channel == null) {
            throw new UserFacingException("The channel must be a channel mention, e.g. #security.");
          }
          r.channelId = channel;
        }
        case "backup" -> {
          String user = CommandText.userId(value);
          if (user == null) {
            throw new UserFacingException("The backup must be a person, e.g. @ben.");
          }
          r.backupUser = user;
        }
        case "priority" -> {
          try {
            r.priority = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new UserFacingException(
                "The priority must be a whole number (lower is tried first).");
          }
        }
        default -> throw new UserFacingException(ADD_USAGE);
      }
    }
    if (r.area == null && r.keywords == null) {
      throw new UserFacingException("A rule needs an area or keywords to match on.\n" + ADD_USAGE);
    }
    if (r.ownerUser == null && r.ownerGroup == null) {
      throw new UserFacingException("A rule needs an owner.\n" + ADD_USAGE);
    }
    return r;
  }

  /**
   * The user group id in Slack's escaped {@code <!subteam^S123|@team>} or a bare {@code S…} id;
   * null otherwise.
   */
  public static String groupId(String word) {
    if (word == null) {
      return null;
    }
    String w = word.trim();
    if (w.startsWith("<!subteam^") && w.endsWith(">")) {
      w = w.substring("<!subteam^".length(), w.length() - 1);
      int bar = w.indexOf('|');
      if (bar >= 0) {
        w = w.substring(0, bar);
      }
    }
    return w.matches("S[A-Z0-9]{2,20}") ? w : null;
  }
}
