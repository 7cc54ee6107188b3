package dev.cosbot.digest;

import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.WorkspaceSetting;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestIds;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.TeamSignal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Builds a digest: asks every {@link DigestSource} (each in a transaction of its own, so one
 * failing source is logged and noted, never fatal), applies the Chief of Staff's pins and mutes,
 * ranks and renders. Sends nothing: {@link DigestDelivery} and the preview command do.
 */
@ApplicationScoped
public class DigestService {
  private static final Logger LOG = Logger.getLogger(DigestService.class);

  @Inject @Any Instance<DigestSource> sources;
  @Inject DigestSettings settings;
  @Inject PeopleDirectory people;
  @Inject DigestActions actions;

  /** A built digest and the pending overrides it applied (consumed when a CXO digest is sent). */
  public record Built(
      DigestContent content, DigestBlocks.Rendered rendered, List<Long> overrideIds) {}

  /**
   * Builds the digest of {@code readerUserId} as of {@code now}, covering what happened since the
   * reader's digest of an earlier local day (a day back for the first one). Pins and mutes apply to
   * the CXO's digest and its preview, not to a Chief of Staff's own. Call inside a transaction.
   */
  public Built build(String readerUserId, DigestContent.Kind kind, Instant now, ZoneId zone) {
    LocalDate date = now.atZone(zone).toLocalDate();
    String reader = kind == DigestContent.Kind.PREVIEW ? DigestIds.PREVIEW_READER : readerUserId;
    Instant since =
        DigestLedger.lastSentBefore(readerUserId, date).orElse(now.minus(Duration.ofDays(1)));
    DigestRequest request =
        new DigestRequest(
            readerUserId, kind == DigestContent.Kind.CHIEF_OF_STAFF, now, since, zone);
    List<DigestLine> lines = new ArrayList<>();
    List<TeamSignal> signals = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (DigestSource source : sources) {
      try {
        record Part(List<DigestLine> lines, List<TeamSignal> signals) {}
        Part part =
            QuarkusTransaction.requiringNew()
                .call(
                    () -> {
                      List<DigestLine> l = new ArrayList<>();
                      for (DigestItem item : source.items(request)) {
                        if (item != null) {
                          l.add(new DigestLine(item, signed(source.buttons(item), reader), false));
                        }
                      }
                      return new Part(l, List.copyOf(source.teamSignals(request)));
                    });
        lines.addAll(part.lines());
        signals.addAll(part.signals());
      } catch (Exception e) {
        LOG.errorf(
            e,
            "Digest source %s failed for %s; the digest goes out without it",
            source.name(),
            readerUserId);
        failed.add(source.name());
      }
    }
    List<Long> overrideIds = List.of();
    List<String> pins = List.of();
    List<String> mutes = List.of();
    if (kind != DigestContent.Kind.CHIEF_OF_STAFF) {
      List<DigestOverride> pending = DigestOverride.pending();
      overrideIds = pending.stream().map(o -> o.id).toList();
      pins =
          pending.stream()
              .filter(o -> o.kind == DigestOverride.Kind.PIN)
              .map(o -> o.target)
              .toList();
      mutes =
          pending.stream()
              .filter(o -> o.kind == DigestOverride.Kind.MUTE)
              .map(o -> o.target)
              .toList();
    }
    DigestRanking.Ranked ranked = DigestRanking.rank(lines, pins, mutes);
    DigestContent content =
        new DigestContent(
            readerUserId,
            date,
            kind,
            ranked.sections(),
            DigestRanking.radar(signals),
            ranked.notes(),
            failed,
            ranked.muted());
    int perSection =
        kind == DigestContent.Kind.CHIEF_OF_STAFF
            ? settings.maxItemsPerSection() * 2
            : settings.maxItemsPerSection();
    return new Built(
        content,
        DigestBlocks.render(content, perSection, settings.maxRadarTeams(), homeLink()),
        overrideIds);
  }

  /** "Ask owner" values signed for their reader: unforgeable, and usable by that reader only. */
  private List<DigestButton> signed(List<DigestButton> buttons, String reader) {
    return buttons.stream()
        .map(
            b ->
                DigestButton.ASK_OWNER.equals(b.actionId())
                    ? new DigestButton(b.label(), b.actionId(), actions.signAsk(reader, b.value()))
                    : b)
        .toList();
  }

  /** A link to the reader's Home tab, once Slack has told us the workspace and app ids. */
  static String homeLink() {
    return WorkspaceSetting.get(WorkspaceSetting.SLACK_APP)
        .map(s -> s.split(" "))
        .filter(
            ids -> ids.length == 2 && ids[0].matches("[A-Z0-9]+") && ids[1].matches("[A-Z0-9]+"))
        .map(ids -> "slack://app?team=" + ids[0] + "&id=" + ids[1] + "&tab=home")
        .orElse(null);
  }

  /** The reader's time zone, from the people directory (which asks Slack when it must). */
  public ZoneId zoneOf(String userId) {
    return people.zoneOf(userId);
  }
}
