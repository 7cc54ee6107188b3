package dev.cosbot.cadence;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.RhythmBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The dashboard's read-only calendar of cadences, with prep readiness per occurrence. */
@ApplicationScoped
public class CadenceRhythmBoard implements RhythmBoard {
  @Inject CadenceService cadences;
  @Inject CadenceAccess access;

  @Override
  @Transactional
  public List<OccurrenceRow> between(Caller viewer, Instant from, Instant to) {
    return cadences.between(from, to).stream()
        .filter(o -> access.visibleTo(viewer, o.cadence()))
        .map(
            o ->
                new OccurrenceRow(
                    o.cadence().name,
                    o.at(),
                    o.cadence().timeZone,
                    o.cadence().ownerId,
                    o.tasks().stream()
                        .map(t -> new PrepTask(t.task().title, t.task().driId, t.dueAt(), t.done()))
                        .toList()))
        .toList();
  }

  @Override
  public Optional<String> feedUrl(Caller viewer) {
    // The feed is a workspace secret (anyone holding it reads the public cadences): Chiefs of
    // Staff hand it out, as in Slack.
    return viewer.isAdmin()
        ? Optional.of(cadences.feedUrl(cadences.feedToken()))
        : Optional.empty();
  }
}
