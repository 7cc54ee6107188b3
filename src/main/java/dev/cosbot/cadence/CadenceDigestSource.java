package dev.cosbot.cadence;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.support.SlackText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cadences' part of the CXO digest: the next 7 days of occurrences and prep tasks not ready yet
 * (FYI), and prep tasks already past due (WATCH) — of the cadences the reader may know of.
 */
@ApplicationScoped
public class CadenceDigestSource implements DigestSource {
  @Inject CadenceService cadences;
  @Inject CadenceAccess access;
  @Inject Roles roles;

  @Override
  public String name() {
    return "cadence";
  }

  @Override
  public List<DigestItem> items(DigestRequest request) {
    List<DigestItem> items = new ArrayList<>();
    Caller reader = roles.of(request.readerUserId());
    for (Occurrence o : cadences.between(request.now(), request.now().plus(Duration.ofDays(7)))) {
      Cadence c = o.cadence();
      if (!access.visibleTo(reader, c)) {
        continue;
      }
      String prep =
          o.tasks().isEmpty()
              ? ""
              : " — prep " + o.readyCount() + "/" + o.tasks().size() + " ready";
      items.add(
          new DigestItem(
              "cadence:" + c.id + ":" + o.epoch(),
              DigestSection.FYI,
              30,
              SlackText.cut(
                  "📅 *"
                      + SlackText.escapeAndCut(c.name, 80)
                      + "* "
                      + CadenceBlocks.when(o.at(), request.zone())
                      + prep,
                  300),
              null,
              null));
      for (Occurrence.TaskState t : o.notReady()) {
        boolean late = t.lateAt(request.now());
        String text =
            (late ? "⚠️ Late prep for *" : "Prep not ready for *")
                + SlackText.escapeAndCut(c.name, 60)
                + "*: "
                + SlackText.escapeAndCut(t.task().title, 80)
                + " ("
                + SlackText.mention(t.task().driId)
                + ", due "
                + CadenceBlocks.when(t.dueAt(), request.zone())
                + ")";
        items.add(
            new DigestItem(
                "cadence-task:" + t.task().id + ":" + o.epoch(),
                late ? DigestSection.WATCH : DigestSection.FYI,
                late ? 60 : 20,
                SlackText.cut(text, 300),
                null,
                late
                    ? DigestButton.askOwner(c.ownerId, "Prep for " + c.name + ": " + t.task().title)
                    : null));
      }
    }
    return items;
  }
}
