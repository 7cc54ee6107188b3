package dev.cosbot.escalation;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.WorkspaceControls;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Routing rules and SLA targets as the dashboard's settings page shows and changes them. */
@ApplicationScoped
public class EscalationControls implements WorkspaceControls {
  static final String ADD = "route.add";
  static final String REMOVE = "route.remove";

  @Inject EscalationService service;
  @Inject EscalationSettings settings;

  @Override
  @Transactional
  public List<RouteRow> routes() {
    return EscalationRoute.ordered().stream()
        .map(r -> new RouteRow(r.id, r.priority, r.area, r.keywords, r.ownerUser, r.ownerGroup))
        .toList();
  }

  @Override
  public List<SlaTarget> slaTargets() {
    return List.of(
        target(Severity.S1, settings.s1Ack(), settings.s1Resolve()),
        target(Severity.S2, settings.s2Ack(), settings.s2Resolve()),
        target(Severity.S3, settings.s3Ack(), settings.s3Resolve()));
  }

  private static SlaTarget target(Severity s, String ack, String resolve) {
    return new SlaTarget(s.name(), s.label(), words(ack), words(resolve));
  }

  /** "15 minutes", "4 hours", "2 days", "1 business day". */
  static String words(String sla) {
    String d = Sla.parse(sla).describe();
    if (d.endsWith("business day") || d.endsWith("business days")) {
      return d;
    }
    long n = Long.parseLong(d.substring(0, d.length() - 1));
    String unit =
        switch (d.charAt(d.length() - 1)) {
          case 'm' -> "minute";
          case 'h' -> "hour";
          case 'd' -> "day";
          default -> "second";
        };
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  @Override
  public boolean handles(String change) {
    return ADD.equals(change) || REMOVE.equals(change);
  }

  @Override
  public String apply(Caller by, String change, Map<String, String> fields) {
    if (REMOVE.equals(change)) {
      long id = number(fields.get("rule"));
      if (!service.removeRoute(by, id)) {
        throw new UserFacingException("That routing rule no longer exists.");
      }
      return "Removed routing rule " + id;
    }
    List<String> words = new ArrayList<>();
    pair(words, "area", fields.get("area"));
    pair(words, "keywords", fields.get("keywords"));
    String owner = fields.get("owner");
    pair(words, "owner", owner == null || owner.isBlank() ? null : "<@" + owner.trim() + ">");
    EscalationRoute r = service.addRoute(by, words);
    return "Added routing rule "
        + r.id
        + (r.area == null ? "" : " for area " + r.area)
        + (r.keywords == null ? "" : " with keywords " + r.keywords);
  }

  private static void pair(List<String> words, String key, String value) {
    if (value != null && !value.isBlank()) {
      words.add(key);
      words.add(value.trim());
    }
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s == null ? "" : s.trim());
    } catch (NumberFormatException e) {
      throw new UserFacingException("Pick a routing rule to remove.");
    }
  }
}
