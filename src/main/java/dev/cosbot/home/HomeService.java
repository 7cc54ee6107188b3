package dev.cosbot.home;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;

/** Builds and publishes a person's App Home tab (through the outbox). */
@ApplicationScoped
public class HomeService {
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject @Any Instance<HomeSection> sections;

  /** Publishes {@code userId}'s tab because of {@code eventId} (a retried event publishes once). */
  @Transactional
  public void publish(String userId, String eventId) {
    Caller caller = roles.of(userId);
    List<HomeSection> ordered =
        sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
    outbox.enqueue(
        SlackCalls.publishHome(
            "home:" + userId + ":" + eventId, userId, HomeBlocks.home(caller, ordered)));
  }
}
