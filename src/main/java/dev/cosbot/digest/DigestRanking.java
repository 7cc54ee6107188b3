package dev.cosbot.digest;

import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.TeamSignal;
import dev.cosbot.platform.support.SlackText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pure ranking of digest lines: removes duplicates and muted lines, marks pinned ones, orders each
 * section (pinned first, then rank, then key for a stable order) and joins team signals into the
 * risk radar. No Slack, no database: unit-tested directly.
 */
public final class DigestRanking {
  /**
   * Text targets shorter than this only match an item key exactly (so "a" mutes nothing by
   * accident).
   */
  static final int MIN_TEXT_MATCH = 3;

  /** A team's radar line shows its most worrying signals only. */
  static final int MAX_SIGNALS_PER_TEAM = 4;

  private DigestRanking() {}

  /** The ranked sections and the lines left out by mutes. */
  public record Ranked(
      Map<DigestSection, List<DigestLine>> sections, List<String> notes, int muted) {}

  public static final Comparator<DigestLine> ORDER =
      Comparator.comparing(DigestLine::pinned)
          .reversed()
          .thenComparing(Comparator.comparingInt((DigestLine l) -> l.item().rank()).reversed())
          .thenComparing(l -> l.item().key());

  /**
   * Each line once: a source that reports the same thing twice (two reminders of one meeting, a
   * task per occurrence) shows it once, keeping the first (pinned, then highest ranked).
   */
  static List<DigestLine> once(List<DigestLine> ranked) {
    Set<String> seen = new HashSet<>();
    List<DigestLine> out = new ArrayList<>();
    for (DigestLine line : ranked) {
      if (seen.add(line.item().text().strip().toLowerCase(java.util.Locale.ROOT))) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * Ranks {@code lines} applying the Chief of Staff's {@code pins} and {@code mutes} (each an item
   * key or a piece of its text). A pin that matches no item and does not look like a key becomes a
   * note at the top of "Needs you".
   */
  public static Ranked rank(List<DigestLine> lines, List<String> pins, List<String> mutes) {
    Map<String, DigestLine> byKey = new LinkedHashMap<>();
    for (DigestLine line : lines) {
      byKey.merge(line.item().key(), line, (a, b) -> a.item().rank() >= b.item().rank() ? a : b);
    }
    Map<DigestSection, List<DigestLine>> sections = new EnumMap<>(DigestSection.class);
    for (DigestSection s : DigestSection.values()) {
      sections.put(s, new ArrayList<>());
    }
    int muted = 0;
    boolean[] pinUsed = new boolean[pins.size()];
    for (DigestLine line : byKey.values()) {
      if (mutes.stream().anyMatch(m -> matches(m, line.item()))) {
        muted++;
        continue;
      }
      DigestLine placed = line;
      for (int i = 0; i < pins.size(); i++) {
        if (matches(pins.get(i), line.item())) {
          pinUsed[i] = true;
          placed = pinned(line);
        }
      }
      sections.get(placed.item().section()).add(placed);
    }
    sections.values().forEach(l -> l.sort(ORDER));
    sections.replaceAll((section, l) -> once(l));
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < pins.size(); i++) {
      if (!pinUsed[i] && !looksLikeKey(pins.get(i))) {
        notes.add(SlackText.escapeAndCut(pins.get(i), 280));
      }
    }
    return new Ranked(sections, notes, muted);
  }

  /** A pinned line goes to the top of "Needs you", whatever section its source chose. */
  static DigestLine pinned(DigestLine line) {
    DigestItem i = line.item();
    DigestItem moved =
        new DigestItem(i.key(), DigestSection.NEEDS_YOU, i.rank(), i.text(), i.link(), i.button());
    return new DigestLine(moved, line.buttons(), true);
  }

  /** Whether a pin/mute target names this item: its exact key, or a piece of its text. */
  public static boolean matches(String target, DigestItem item) {
    if (target == null || target.isBlank()) {
      return false;
    }
    String t = target.trim();
    if (t.equalsIgnoreCase(item.key())) {
      return true;
    }
    if (t.length() < MIN_TEXT_MATCH) {
      return false;
    }
    String escaped = SlackText.escape(t).toLowerCase(Locale.ROOT);
    return item.text().toLowerCase(Locale.ROOT).contains(escaped);
  }

  /** {@code kind:id} without spaces, e.g. {@code escalation:42}. */
  public static boolean looksLikeKey(String target) {
    return target != null && target.trim().matches("[a-z][a-z0-9_-]*:[^\\s]+");
  }

  /**
   * One line per team, most worrying first: the team's signals joined, weights summed. Team names
   * are matched case-insensitively; text is escaped here.
   */
  public static List<String> radar(List<TeamSignal> signals) {
    record Team(String name, List<TeamSignal> signals) {
      int weight() {
        return signals.stream().mapToInt(TeamSignal::weight).sum();
      }
    }
    Map<String, Team> teams = new LinkedHashMap<>();
    for (TeamSignal s : signals) {
      if (s == null
          || s.team() == null
          || s.team().isBlank()
          || s.summary() == null
          || s.summary().isBlank()) {
        continue;
      }
      teams
          .computeIfAbsent(
              s.team().trim().toLowerCase(Locale.ROOT),
              k -> new Team(s.team().trim(), new ArrayList<>()))
          .signals()
          .add(s);
    }
    return teams.values().stream()
        .sorted(Comparator.comparingInt(Team::weight).reversed().thenComparing(Team::name))
        .map(
            t ->
                "*"
                    + SlackText.escapeAndCut(t.name(), 60)
                    + "* — "
                    + SlackText.cut(
                        t.signals().stream()
                            .sorted(Comparator.comparingInt(TeamSignal::weight).reversed())
                            .limit(MAX_SIGNALS_PER_TEAM)
                            .map(s -> SlackText.escapeAndCut(s.summary(), 80))
                            .collect(Collectors.joining(" · ")),
                        200))
        .toList();
  }
}
