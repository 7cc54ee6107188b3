package dev.cosbot.status;

import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.platform.support.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Status updates in the CXO digest: initiatives turned red and asks addressed to the reader need
 * them; amber turns, missing and stale updates are worth watching; back-on-track and completed
 * initiatives are for information. Team signals count red and amber initiatives per team.
 */
@ApplicationScoped
public class StatusDigestSource implements DigestSource {
  @Inject EntityManager em;
  @Inject StatusQueries queries;

  @Override
  public String name() {
    return "status";
  }

  @Override
  @Transactional
  public List<DigestItem> items(DigestRequest request) {
    List<DigestItem> items = new ArrayList<>();
    Map<Long, Initiative> byId = new HashMap<>();
    List<RagEvent> events =
        em.createQuery(
                "from RagEvent e where e.changedAt >= :since and e.changedAt < :now order by e.changedAt",
                RagEvent.class)
            .setParameter("since", request.since())
            .setParameter("now", request.now())
            .getResultList();
    Map<Long, RagEvent> latestEvent = new HashMap<>();
    events.forEach(e -> latestEvent.put(e.initiativeId, e));
    for (RagEvent e : latestEvent.values()) {
      Initiative i = byId.computeIfAbsent(e.initiativeId, id -> em.find(Initiative.class, id));
      if (i == null || i.state == Initiative.State.DONE || i.currentRag != e.toRag) {
        continue;
      }
      StatusUpdate u = StatusUpdate.findById(e.updateId);
      String summary = u == null ? "" : ": " + SlackText.escapeAndCut(u.summary, 120);
      String name =
          "*"
              + SlackText.escapeAndCut(i.name, 80)
              + "* ("
              + SlackText.escapeAndCut(i.team, 40)
              + ")";
      if (e.toRag == Rag.RED) {
        items.add(
            new DigestItem(
                "status:red:" + i.id,
                DigestSection.NEEDS_YOU,
                90,
                Rag.RED.emoji() + " " + name + " turned red" + summary,
                null,
                DigestButton.askOwner(i.ownerId, i.name)));
      } else if (e.toRag == Rag.AMBER) {
        items.add(
            new DigestItem(
                "status:amber:" + i.id,
                DigestSection.WATCH,
                55,
                Rag.AMBER.emoji() + " " + name + " is at risk" + summary,
                null,
                DigestButton.askOwner(i.ownerId, i.name)));
      } else if (e.fromRag != null) {
        items.add(
            new DigestItem(
                "status:green:" + i.id,
                DigestSection.FYI,
                40,
                Rag.GREEN.emoji() + " " + name + " is back on track" + summary,
                null,
                null));
      }
    }
    List<StatusUpdate> asks =
        em.createQuery(
                "from StatusUpdate u where u.askTo = :reader and coalesce(u.editedAt, u.postedAt) >= :since"
                    + " and coalesce(u.editedAt, u.postedAt) < :now order by u.postedAt desc",
                StatusUpdate.class)
            .setParameter("reader", request.readerUserId())
            .setParameter("since", request.since())
            .setParameter("now", request.now())
            .getResultList();
    for (StatusUpdate u : asks) {
      Initiative i = byId.computeIfAbsent(u.initiativeId, id -> em.find(Initiative.class, id));
      items.add(
          new DigestItem(
              "status:ask:" + u.id,
              DigestSection.NEEDS_YOU,
              80,
              ":raising_hand: "
                  + SlackText.mention(u.authorId)
                  + " asks you on *"
                  + SlackText.escapeAndCut(i.name, 80)
                  + "*: "
                  + SlackText.escapeAndCut(u.asks, 120),
              null,
              DigestButton.askOwner(u.authorId, i.name)));
    }
    List<Object[]> missing =
        em.createQuery(
                "select p.initiativeId, count(p) from Period p where p.state = :missing"
                    + " and p.closedAt >= :since and p.closedAt < :now group by p.initiativeId",
                Object[].class)
            .setParameter("missing", Period.State.MISSING)
            .setParameter("since", request.since())
            .setParameter("now", request.now())
            .getResultList();
    for (Object[] row : missing) {
      Initiative i = byId.computeIfAbsent((Long) row[0], id -> em.find(Initiative.class, id));
      if (i == null || i.staleSince != null) {
        continue;
      }
      items.add(
          new DigestItem(
              "status:missing:" + i.id,
              DigestSection.WATCH,
              40,
              ":x: Update missing on *"
                  + SlackText.escapeAndCut(i.name, 80)
                  + "* (owner "
                  + SlackText.mention(i.ownerId)
                  + ")",
              null,
              null));
    }
    for (Initiative i :
        Initiative.<Initiative>list(
            "staleSince is not null and state = ?1", Initiative.State.ACTIVE)) {
      items.add(
          new DigestItem(
              "status:stale:" + i.id,
              DigestSection.WATCH,
              60,
              ":warning: *"
                  + SlackText.escapeAndCut(i.name, 80)
                  + "* is stale: "
                  + i.missedInRow
                  + " updates missed in a row (owner "
                  + SlackText.mention(i.ownerId)
                  + ")",
              null,
              DigestButton.askOwner(i.ownerId, i.name)));
    }
    List<StatusUpdate> complete =
        em.createQuery(
                "from StatusUpdate u where u.percent = 100 and u.postedAt >= :since and u.postedAt < :now",
                StatusUpdate.class)
            .setParameter("since", request.since())
            .setParameter("now", request.now())
            .getResultList();
    for (StatusUpdate u : complete) {
      Initiative i = byId.computeIfAbsent(u.initiativeId, id -> em.find(Initiative.class, id));
      items.add(
          new DigestItem(
              "status:complete:" + i.id,
              DigestSection.FYI,
              30,
              ":tada: *" + SlackText.escapeAndCut(i.name, 80) + "* reports 100% complete",
              null,
              null));
    }
    return items;
  }

  @Override
  public List<TeamSignal> teamSignals(DigestRequest request) {
    List<TeamSignal> signals = new ArrayList<>();
    queries
        .redAmberByTeam()
        .forEach(
            (team, c) ->
                signals.add(
                    new TeamSignal(
                        team,
                        c[0] + " red, " + c[1] + " amber",
                        (int) Math.min(100, c[0] * 25 + c[1] * 10))));
    return signals;
  }
}
