package dev.cosbot.agenda;

import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.spi.Meetings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Agenda gaps in the Chiefs of Staff's digest: a meeting that collects an agenda and has no item
 * two days before it.
 */
@ApplicationScoped
public class AgendaDigestSource implements DigestSource {
  /** How long before a meeting an empty agenda is a gap. */
  static final Duration GAP_BEFORE = Duration.ofDays(2);

  @Inject AgendaService agendas;
  @Inject Instance<Meetings> meetings;
  @Inject Roles roles;

  @Override
  public String name() {
    return "agenda";
  }

  @Override
  public List<DigestItem> items(DigestRequest request) {
    List<DigestItem> items = new ArrayList<>();
    if (!meetings.isResolvable() || !roles.of(request.readerUserId()).isAdmin()) {
      return items;
    }
    for (Meeting m : meetings.get().between(request.now(), request.now().plus(GAP_BEFORE))) {
      agendas
          .agenda(m)
          .filter(a -> a.items().isEmpty())
          .ifPresent(
              a ->
                  items.add(
                      new DigestItem(
                          "agenda-gap:" + m.cadenceId() + ":" + m.at().getEpochSecond(),
                          DigestSection.WATCH,
                          35,
                          AgendaBlocks.gapLine(m),
                          null,
                          null)));
    }
    return items;
  }
}
