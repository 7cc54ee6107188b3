package dev.cosbot.status;

import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.TeamSignal;
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
      String summary = u == null ? null : u.summary;
      if (e.toRag == Rag.RED) {
        items.add(
            new DigestItem(
                "status:red:" + i.id,
                DigestSection.NEEDS_YOU,
                90,
                StatusMessages.digestRagChange(Rag.RED, i.name, i.team, summary),
                null,
                DigestButton.askOwner(i.ownerId, i.name)));
      } else if (e.toRag == Rag.AMBER) {
        items.add(
            new DigestItem(
                "status:amber:" + i.id,
                DigestSection.WATCH,
                55,
                StatusMessages.digestRagChange(Rag.AMBER, i.name, i.team, summary),
                null,
                DigestButton.askOwner(i.ownerId, i.name)));
      } else if (e.fromRag != null) {
        items.add(
            new DigestItem(
                "status:green:" + i.id,
                DigestSection.FYI,
                40,
                StatusMessages.digestRagChange(Rag.GREEN, i.name, i.team, summary),
                null,
                null));
      }
    }
    List<StatusUpdate> asks =
        em.createQuery(
                "from StatusUpdate u where u.askTo = :reader and u.askRepliedAt is null"
                    + " and coalesce(u.editedAt, u.postedAt) >= :since"
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
              StatusMessages.digestAsk(u.authorId, i.name, u.asks),
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
              StatusMessages.digestMissing(i.name, i.ownerId),
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
              StatusMessages.digestStale(i.name, i.missedInRow, i.ownerId),
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
              StatusMessages.digestComplete(i.name),
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
                        StatusMessages.digestTeamSignal(c[0], c[1]),
                        (int) Math.min(100, c[0] * 25 + c[1] * 10))));
    return signals;
  }
}
