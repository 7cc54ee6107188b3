package dev.cosbot.agenda;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Agendas: adding items, the meeting's length, marking items covered. */
@ApplicationScoped
@Transactional
public class AgendaService {
  /** Longest item title. */
  public static final int MAX_TITLE = 300;

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A meeting's agenda for one occurrence: items in order, total and length. */
  public record Agenda(Meeting meeting, List<AgendaItem> items, int length) {
    public int total() {
      return items.stream().mapToInt(i -> i.minutes).sum();
    }

    public boolean over() {
      return total() > length;
    }
  }

  /** Adds an item to the agenda of the meeting's next occurrence. */
  public AgendaItem add(Caller caller, Meeting next, String title, String owner, int minutes) {
    collect(next, null, caller.userId());
    AgendaItem item = new AgendaItem();
    item.cadenceId = next.cadenceId();
    item.addedFor = next.at();
    item.title = title.strip();
    item.ownerId = owner == null ? caller.userId() : owner;
    item.minutes = minutes;
    item.createdBy = caller.userId();
    item.createdAt = clock.instant();
    item.persist();
    return item;
  }

  /** Sets the meeting's length (the Chiefs of Staff and the meeting's owner). */
  public void setLength(Caller caller, Meeting meeting, int minutes) {
    if (!caller.isAdmin() && !caller.userId().equals(meeting.ownerId())) {
      throw new UserFacingException(AgendaMessages.OWNER_ONLY);
    }
    collect(meeting, minutes, caller.userId());
  }

  /** The agenda of {@code meeting}'s occurrence; empty when the meeting collects none. */
  public Optional<Agenda> agenda(Meeting meeting) {
    Optional<Integer> length = length(meeting.cadenceId());
    List<AgendaItem> items = AgendaItem.agendaOf(meeting.cadenceId(), meeting.at());
    if (length.isEmpty() && items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Agenda(meeting, items, length.orElse(meeting.minutes())));
  }

  /** Marks items covered (the Chiefs of Staff and the meeting's owner); the rest roll over. */
  public int cover(Caller caller, Meeting meeting, Collection<Long> ids) {
    if (!caller.isAdmin() && !caller.userId().equals(meeting.ownerId())) {
      throw new UserFacingException(AgendaMessages.OWNER_ONLY);
    }
    int n = 0;
    Instant now = clock.instant();
    for (long id : ids) {
      AgendaItem item = AgendaItem.findById(id);
      if (item != null && item.cadenceId == meeting.cadenceId() && item.coveredAt == null) {
        item.coveredAt = now;
        n++;
      }
    }
    return n;
  }

  /** Whether the meeting collects an agenda. */
  public boolean collects(long cadenceId) {
    return length(cadenceId).isPresent();
  }

  private Optional<Integer> length(long cadenceId) {
    return em.createNativeQuery("SELECT minutes FROM agenda_meeting WHERE cadence_id = ?1")
        .setParameter(1, cadenceId)
        .getResultStream()
        .findFirst()
        .map(m -> ((Number) m).intValue());
  }

  private void collect(Meeting meeting, Integer minutes, String by) {
    em.createNativeQuery(
            "INSERT INTO agenda_meeting (cadence_id, minutes, set_by, set_at) VALUES (?1, ?2, ?3, ?4)"
                + (minutes == null
                    ? " ON CONFLICT DO NOTHING"
                    : " ON CONFLICT (cadence_id) DO UPDATE SET minutes = EXCLUDED.minutes,"
                        + " set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at"))
        .unwrap(org.hibernate.query.NativeQuery.class)
        .setParameter(1, meeting.cadenceId())
        .setParameter(2, minutes == null ? meeting.minutes() : minutes)
        .setParameter(3, by)
        .setParameter(4, clock.instant(), Instant.class)
        .executeUpdate();
  }
}
