package dev.cosbot.decision;

import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decisions in the digest: open ones under "Needs you" (overdue and soon-due first) with a button
 * per option, Ask for more and Delegate for the CXO; decisions made since the last digest under
 * FYI.
 */
@ApplicationScoped
public class DecisionSource implements DigestSource {
  static final int RANK_OPEN = 80;
  static final int RANK_DUE_SOON = 88;
  static final int RANK_OVERDUE = 95;
  static final int RANK_DECIDED = 30;

  @Inject Roles roles;
  @Inject dev.cosbot.platform.support.SignedMetadata signer;

  @Override
  public String name() {
    return "decision";
  }

  @Override
  public List<DigestItem> items(DigestRequest request) {
    boolean decider = roles.cxo().filter(request.readerUserId()::equals).isPresent();
    LocalDate today = request.now().atZone(request.zone()).toLocalDate();
    List<DigestItem> items = new ArrayList<>();
    for (Decision d : Decision.open()) {
      items.add(openItem(d, today, decider));
    }
    for (Decision d : Decision.decidedSince(request.since(), 20)) {
      items.add(
          new DigestItem(
              "decision:" + d.id,
              DigestSection.FYI,
              RANK_DECIDED,
              DecisionMessages.decidedLine(d),
              safeLink(d.link),
              null));
    }
    return items;
  }

  /**
   * The CXO's line carries the decision buttons; others (a Chief of Staff's digest) see it without.
   */
  @Override
  public List<DigestButton> buttons(DigestItem item) {
    if (item.button() == null || !DecisionIds.CHOOSE.equals(item.button().actionId())) {
      return DigestSource.super.buttons(item);
    }
    Decision d = Decision.findById(Long.parseLong(item.button().value()));
    return d == null || !d.undecided() ? List.of() : DecisionViews.buttons(d, signer);
  }

  static DigestItem openItem(Decision d, LocalDate today, boolean withButtons) {
    boolean overdue = d.neededBy.isBefore(today);
    boolean soon = !overdue && !d.neededBy.isAfter(today.plusDays(1));
    int rank = overdue ? RANK_OVERDUE : soon ? RANK_DUE_SOON : RANK_OPEN;
    DigestButton marker =
        withButtons ? new DigestButton("Choose", DecisionIds.CHOOSE, String.valueOf(d.id)) : null;
    return new DigestItem(
        "decision:" + d.id,
        DigestSection.NEEDS_YOU,
        rank,
        DecisionMessages.openLine(d, overdue),
        safeLink(d.link),
        marker);
  }

  static String safeLink(String link) {
    return link != null && link.matches("https://[^\\s<>|]{1,500}") ? link : null;
  }
}
