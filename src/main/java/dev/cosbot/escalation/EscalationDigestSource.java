package dev.cosbot.escalation;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.platform.support.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Escalations in the CXO digest: open S1/S2 and SLA breaches need the reader; others aging toward
 * their SLA are worth watching; those resolved since the last digest are for information. A
 * confidential one appears only to a reader entitled to it (reporter, owner, Chief of Staff) and
 * never in the counts by area.
 */
@ApplicationScoped
public class EscalationDigestSource implements DigestSource {
  @Inject EscalationReads reads;
  @Inject Roles roles;
  @Inject EscalationSettings settings;

  @Override
  public String name() {
    return "escalation";
  }

  @Override
  public List<DigestItem> items(DigestRequest request) {
    Caller reader = roles.of(request.readerUserId());
    List<DigestItem> items = new ArrayList<>();
    for (Escalation e : EscalationReads.visible(reader, reads.unresolved())) {
      boolean breached =
          e.ackBreachedAt != null
              || e.resolveBreachedAt != null
              || (e.status == Escalation.Status.OPEN && !request.now().isBefore(e.ackDueAt))
              || !request.now().isBefore(e.resolveDueAt);
      if (breached || e.severity != Severity.S3) {
        int rank =
            (e.severity == Severity.S1 ? 90 : e.severity == Severity.S2 ? 70 : 50)
                + (breached ? 10 : 0);
        items.add(
            item(
                e,
                reader,
                DigestSection.NEEDS_YOU,
                rank,
                breached ? ":warning: SLA breached" : null,
                request.now()));
      } else if (aging(e, request.now())) {
        items.add(item(e, reader, DigestSection.WATCH, 40, "aging toward its SLA", request.now()));
      }
    }
    for (Escalation e : EscalationReads.visible(reader, reads.resolvedSince(request.since()))) {
      items.add(
          item(
              e,
              reader,
              DigestSection.FYI,
              e.severity == Severity.S1 ? 40 : e.severity == Severity.S2 ? 30 : 20,
              "resolved",
              request.now()));
    }
    return items;
  }

  @Override
  public List<TeamSignal> teamSignals(DigestRequest request) {
    // Counts by area leave confidential escalations out for every reader: a count that moves is a
    // trace.
    Map<String, int[]> byArea = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Escalation e : reads.unresolved()) {
      if (e.confidential) {
        continue;
      }
      int[] c = byArea.computeIfAbsent(e.area, a -> new int[2]);
      c[0]++;
      if (e.severity == Severity.S1) {
        c[1]++;
      }
    }
    List<TeamSignal> out = new ArrayList<>();
    byArea.forEach(
        (area, c) ->
            out.add(
                new TeamSignal(
                    area,
                    c[0]
                        + (c[0] == 1 ? " open escalation" : " open escalations")
                        + (c[1] > 0 ? " (" + c[1] + " S1)" : ""),
                    Math.min(100, c[0] * 15 + c[1] * 25))));
    return out;
  }

  /**
   * Unacknowledged past the aging share of its ack window, or acknowledged past that share of its
   * resolve window.
   */
  boolean aging(Escalation e, Instant now) {
    Instant start = e.createdAt;
    Instant due = e.status == Escalation.Status.OPEN ? e.ackDueAt : e.resolveDueAt;
    long window = Duration.between(start, due).toMillis();
    return window > 0 && Duration.between(start, now).toMillis() >= window * settings.agingShare();
  }

  static DigestItem item(
      Escalation e, Caller reader, DigestSection section, int rank, String note, Instant now) {
    StringBuilder text = new StringBuilder();
    text.append(e.severity.name())
        .append(" · ")
        .append(SlackText.escapeAndCut(e.area, 40))
        .append(" · ")
        .append("#")
        .append(e.id)
        .append(" ")
        .append(SlackText.escapeAndCut(e.title, 120))
        .append(" · ")
        .append(EscalationBlocks.ownerText(e));
    if (e.confidential) {
      text.append(" · :lock: confidential");
    }
    text.append(" · ")
        .append(
            e.status == Escalation.Status.RESOLVED
                ? "resolved"
                : e.status.name().toLowerCase()
                    + ", raised "
                    + EscalationBlocks.ago(Duration.between(e.createdAt, now)));
    if (note != null && !"resolved".equals(note)) {
      text.append(" · ").append(note);
    }
    String owner = e.ownerUser != null ? e.ownerUser : null;
    DigestButton button =
        owner != null && e.isOpen()
            ? DigestButton.askOwner(owner, "Escalation #" + e.id + ": " + e.title)
            : null;
    return new DigestItem(
        "escalation:" + e.id, section, rank, SlackText.cut(text.toString(), 300), null, button);
  }
}
