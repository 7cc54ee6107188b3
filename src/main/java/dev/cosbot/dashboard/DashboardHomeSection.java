package dev.cosbot.dashboard;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.HomeSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Home tab: the button that sends a personal sign-in link to the dashboard. */
@ApplicationScoped
public class DashboardHomeSection implements HomeSection {
  @Override
  public int order() {
    return 90;
  }

  @Override
  public List<LayoutBlock> blocksFor(Caller caller) {
    return DashboardMessages.home();
  }
}
