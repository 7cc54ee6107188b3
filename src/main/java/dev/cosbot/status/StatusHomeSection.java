package dev.cosbot.status;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.spi.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Home tab: the person's initiatives with last status and next due time; the portfolio summary for
 * Chiefs of Staff.
 */
@ApplicationScoped
public class StatusHomeSection implements HomeSection {
  @Inject StatusReports reports;
  @Inject Clock clock;
  @Inject PeopleDirectory people;

  @Override
  public int order() {
    return 10;
  }

  @Override
  @Transactional
  public List<LayoutBlock> blocksFor(Caller caller) {
    List<Initiative> mine = Initiative.openOwnedBy(caller.userId());
    ZoneId zone = people.zoneOf(caller.userId());
    Instant now = clock.instant();
    Map<Long, Instant> next = new HashMap<>();
    for (Initiative i : mine) {
      if (i.state == Initiative.State.ACTIVE) {
        ZoneId ownerZone = people.zoneOf(i.ownerId);
        next.put(i.id, i.cadence().nextAfter(now, ownerZone));
      }
    }
    Rollup.Counts portfolio =
        caller.isAdmin() || caller.isCxo()
            ? reports
                .rollup(now.minus(Duration.ofDays(7)), now, RollupQueries.Filter.all())
                .counts()
            : null;
    return StatusBlocks.home(mine, StatusQueries.lastUpdates(mine), next, zone, portfolio);
  }
}
