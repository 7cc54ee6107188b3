package dev.cosbot.home;

import com.slack.api.model.block.LayoutBlock;
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
import java.util.UUID;

/** Builds and publishes a person's App Home tab (through the outbox). */
@ApplicationScoped
public class HomeService {
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject @Any Instance<HomeSection> sections;

  @Transactional
  public void publish(String userId) {
    Caller caller = roles.of(userId);
    List<List<LayoutBlock>> parts =
        sections.stream()
            .sorted(Comparator.comparingInt(HomeSection::order))
            .map(s -> s.blocksFor(caller))
            .toList();
    outbox.enqueue(
        SlackCalls.publishHome(
            "home:" + userId + ":" + UUID.randomUUID(), userId, HomeBlocks.home(caller, parts)));
  }
}
