package dev.cosbot.cadence;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.spi.MeetingAddon;
import dev.cosbot.platform.spi.Meetings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Cadences as {@link Meetings} for other features, and the {@link MeetingAddon}s' pieces for a
 * reminder or a calendar event: how the all-hands' questions and agendas reach cadence posts
 * without cadence knowing those features.
 */
@ApplicationScoped
public class CadenceMeetings implements Meetings {
  @Inject CadenceService cadences;
  @Inject CadenceAccess access;
  @Inject CadenceSettings settings;
  @Inject Instance<MeetingAddon> addons;

  @Override
  @Transactional
  public Optional<Meeting> next(Caller viewer, String name, Instant after) {
    return Cadence.byName(name)
        .filter(c -> access.visibleTo(viewer, c))
        .flatMap(c -> nextOf(c, after));
  }

  @Override
  @Transactional
  public Optional<Meeting> next(long cadenceId, Instant after) {
    Cadence c = Cadence.findById(cadenceId);
    return c == null || c.paused ? Optional.empty() : nextOf(c, after);
  }

  @Override
  public List<Meeting> between(Instant from, Instant to) {
    return cadences.between(from, to).stream().map(o -> meeting(o.cadence(), o.at())).toList();
  }

  @Override
  @Transactional
  public List<String> names(Caller viewer) {
    return Cadence.allByName().stream()
        .filter(c -> access.visibleTo(viewer, c))
        .map(c -> c.name)
        .toList();
  }

  /** The addons' blocks for the reminder of {@code occ}. */
  List<LayoutBlock> reminderBlocks(Occurrence occ) {
    Meeting m = meeting(occ.cadence(), occ.at());
    List<LayoutBlock> out = new ArrayList<>();
    for (MeetingAddon addon : sorted()) {
      out.addAll(addon.reminderBlocks(m));
    }
    return out;
  }

  /** The addons' text for the calendar event of {@code occ}. */
  String calendarText(Occurrence occ) {
    Meeting m = meeting(occ.cadence(), occ.at());
    StringBuilder out = new StringBuilder();
    for (MeetingAddon addon : sorted()) {
      String text = addon.calendarText(m);
      if (text != null && !text.isBlank()) {
        out.append(out.length() == 0 ? "" : "\n\n").append(text.strip());
      }
    }
    return out.toString();
  }

  private List<MeetingAddon> sorted() {
    List<MeetingAddon> out = new ArrayList<>();
    addons.forEach(out::add);
    out.sort(Comparator.comparingInt(MeetingAddon::order));
    return out;
  }

  private Optional<Meeting> nextOf(Cadence c, Instant after) {
    return c.schedule().next(after, 1, cadences.skippedDates(c.id)).stream()
        .findFirst()
        .map(at -> meeting(c, at));
  }

  private Meeting meeting(Cadence c, Instant at) {
    return new Meeting(c.id, c.name, at, settings.eventMinutes(), c.zone(), c.ownerId);
  }
}
