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
  static final String SLA = "sla.set";

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
    return java.util.Arrays.stream(Severity.values())
        .map(
            s ->
                new SlaTarget(
                    s.name(),
                    s.label(),
                    service.ackSla(s).describe(),
                    service.resolveSla(s).describe()))
        .toList();
  }

  /** "15 minutes", "4 hours", "2 days", "1 business day". */
  static String words(String sla) {
    return Sla.parse(sla).describe();
  }

  @Override
  public boolean handles(String change) {
    return ADD.equals(change) || REMOVE.equals(change) || SLA.equals(change);
  }

  @Override
  public String apply(Caller by, String change, Map<String, String> fields) {
    if (SLA.equals(change)) {
      return setSla(by, fields);
    }
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

  /** New targets for one severity; the clocks of escalations raised from now on use them. */
  String setSla(Caller by, Map<String, String> fields) {
    by.requireAdmin();
    Severity s;
    try {
      s = Severity.valueOf(String.valueOf(fields.get("severity")).trim());
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("Pick a severity.");
    }
    String ack = stored(fields.get("ack"), "acknowledge");
    String resolve = stored(fields.get("resolve"), "resolve");
    dev.cosbot.platform.people.WorkspaceSetting.put(
        EscalationService.slaKey(s, "ack"), ack, by.userId());
    dev.cosbot.platform.people.WorkspaceSetting.put(
        EscalationService.slaKey(s, "resolve"), resolve, by.userId());
    return "Set the SLA targets of "
        + s.name()
        + " "
        + s.label()
        + ": acknowledge within "
        + Sla.parse(ack).describe()
        + ", resolve within "
        + Sla.parse(resolve).describe();
  }

  private static String stored(String words, String what) {
    try {
      return Sla.fromWords(words);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(
          "Write the time to " + what + " like 30 minutes, 4 hours, 2 days or 1 business day.");
    }
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
