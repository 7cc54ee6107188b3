package dev.cosbot.digest;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.cosbot.platform.spi.DigestButton;
import dev.cosbot.platform.spi.DigestIds;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.support.Json;
import dev.cosbot.platform.support.SlackText;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a ranked {@link DigestContent} as one Slack message that always fits: at most 50 blocks,
 * section text within 3,000 characters and the whole message well under Slack's {@code
 * msg_blocks_too_long} size. Lines that do not fit are counted per kind ("and 42 more: 30
 * escalation, 12 status"), never dropped silently. Pure: unit-tested without Quarkus.
 */
public final class DigestBlocks {
  /** Slack's limit per message. */
  static final int MAX_BLOCKS = 50;

  /**
   * Slack refuses messages whose blocks add up to roughly 12,000 characters; stay clearly below.
   */
  static final int MAX_JSON_CHARS = 10_500;

  /** Slack's limit for a section's text. */
  static final int MAX_SECTION_TEXT = 3_000;

  /** Kept free for the sections not rendered yet, and the footer (blocks, JSON characters). */
  private static final int RESERVE_BLOCKS_PER_SECTION = 3;

  private static final int RESERVE_CHARS_PER_SECTION = 1_100;
  private static final int FOOTER_BLOCKS = 1;
  private static final int FOOTER_CHARS = 700;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  private DigestBlocks() {}

  /** The message: blocks, the notification text, and how many lines were shown out of how many. */
  public record Rendered(List<LayoutBlock> blocks, String text, int shown, int total) {}

  public static Rendered render(DigestContent c, int maxPerSection, int maxRadarTeams) {
    return render(c, maxPerSection, maxRadarTeams, null);
  }

  /**
   * As above; {@code homeLink} (a {@code slack://app…} link to the reader's Home tab, or null when
   * not known yet) is where "and N more" and lines without a link of their own point.
   */
  public static Rendered render(
      DigestContent c, int maxPerSection, int maxRadarTeams, String homeLink) {
    Builder b = new Builder(c.readerUserId(), c.kind(), homeLink);
    String day = DAY.format(c.date());
    String title =
        switch (c.kind()) {
          case CXO -> "Your digest · " + day;
          case CHIEF_OF_STAFF -> "Your Chief of Staff digest · " + day;
          case PREVIEW -> "Preview of the CXO digest · " + day;
        };
    b.add(header(h -> h.text(plainText(SlackText.cut(title, 150)))));
    String counts =
        "*"
            + c.count(DigestSection.NEEDS_YOU)
            + "* need you · *"
            + c.count(DigestSection.WATCH)
            + "* to watch · *"
            + c.count(DigestSection.FYI)
            + "* FYI";
    String text;
    int shown = 0;
    if (c.quiet()) {
      text = "Nothing needs you today.";
      b.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          ":white_check_mark: *Nothing needs you today.* Enjoy the quiet."))));
      List<DigestLine> fyi = c.lines(DigestSection.FYI);
      if (!fyi.isEmpty()) {
        shown += b.lines(DigestSection.FYI, fyi, Math.min(3, maxPerSection), 0);
      }
    } else {
      text =
          "Your digest: "
              + c.count(DigestSection.NEEDS_YOU)
              + " need you, "
              + c.count(DigestSection.WATCH)
              + " to watch, "
              + c.count(DigestSection.FYI)
              + " FYI.";
      b.add(context(x -> x.elements(List.<ContextBlockElement>of(markdownText(counts)))));
      DigestSection[] order = DigestSection.values();
      for (int i = 0; i < order.length; i++) {
        DigestSection section = order[i];
        List<DigestLine> lines = c.lines(section);
        List<String> radar = section == DigestSection.WATCH ? c.radar() : List.of();
        List<String> notes = section == DigestSection.NEEDS_YOU ? c.notes() : List.of();
        if (lines.isEmpty() && radar.isEmpty() && notes.isEmpty()) {
          continue;
        }
        int later = order.length - 1 - i;
        b.title(section, lines.size());
        if (!notes.isEmpty()) {
          b.add(
              section(
                  s ->
                      s.text(
                          markdownText(
                              SlackText.cut(
                                  notes.stream()
                                      .map(n -> ":pushpin: _From your Chief of Staff:_ " + n)
                                      .collect(Collectors.joining("\n")),
                                  MAX_SECTION_TEXT)))));
        }
        shown += b.lines(section, lines, maxPerSection, later + (radar.isEmpty() ? 0 : 1));
        if (!radar.isEmpty()) {
          b.radar(radar, maxRadarTeams, later);
        }
      }
    }
    List<String> footer = new ArrayList<>();
    if (!c.failedSources().isEmpty()) {
      footer.add(DigestMessages.couldNotRead(c.failedSources()));
    }
    if (c.muted() > 0) {
      footer.add(
          c.muted() + (c.muted() == 1 ? " line" : " lines") + " muted by your Chief of Staff.");
    }
    if (c.kind() == DigestContent.Kind.PREVIEW) {
      footer.add("Preview as it would be sent now; its buttons do nothing.");
    }
    if (!footer.isEmpty()) {
      b.add(
          context(
              x ->
                  x.elements(
                      List.<ContextBlockElement>of(
                          markdownText(SlackText.cut(String.join("  ", footer), 2_000))))));
    }
    return new Rendered(b.blocks, SlackText.cut(text, 3_000), shown, c.total());
  }

  /** Accumulates blocks while keeping count of blocks and size. */
  private static final class Builder {
    final List<LayoutBlock> blocks = new ArrayList<>();
    final String reader;
    final DigestContent.Kind kind;
    int chars;
    int lineNo;

    final String homeLink;

    Builder(String reader, DigestContent.Kind kind, String homeLink) {
      this.reader = kind == DigestContent.Kind.PREVIEW ? DigestIds.PREVIEW_READER : reader;
      this.kind = kind;
      this.homeLink = homeLink;
    }

    void add(LayoutBlock block) {
      blocks.add(block);
      chars += size(block);
    }

    boolean fits(List<LayoutBlock> more, int reservedSections) {
      int moreChars = more.stream().mapToInt(DigestBlocks::size).sum();
      return blocks.size()
                  + more.size()
                  + reservedSections * RESERVE_BLOCKS_PER_SECTION
                  + FOOTER_BLOCKS
                  + 1
              <= MAX_BLOCKS
          && chars + moreChars + reservedSections * RESERVE_CHARS_PER_SECTION + FOOTER_CHARS + 300
              <= MAX_JSON_CHARS;
    }

    void title(DigestSection section, int count) {
      String name =
          switch (section) {
            case NEEDS_YOU -> ":rotating_light: *Needs you*";
            case WATCH -> ":eyes: *Watch*";
            case FYI -> ":information_source: *FYI*";
          };
      add(section(s -> s.text(markdownText(name + (count > 0 ? " (" + count + ")" : "")))));
    }

    /** Adds up to {@code max} lines (pinned ones always); returns how many were shown. */
    int lines(DigestSection section, List<DigestLine> lines, int max, int reservedSections) {
      List<DigestLine> left = new ArrayList<>();
      StringBuilder plain = new StringBuilder();
      int shown = 0;
      for (DigestLine line : lines) {
        boolean room = shown < max || line.pinned();
        if (!room) {
          left.add(line);
          continue;
        }
        String text = lineText(line, line.buttons().isEmpty() ? homeLink : null);
        if (line.buttons().isEmpty()) {
          if (plain.length() + text.length() + 1 > MAX_SECTION_TEXT - 100) {
            if (!flush(plain, reservedSections)) {
              left.add(line);
              continue;
            }
          }
          // Grow the pending text block only if the grown block would still fit.
          String candidate = plain.length() == 0 ? text : plain + "\n" + text;
          if (!fits(List.of(textBlock(candidate, 0)), reservedSections)) {
            left.add(line);
            continue;
          }
          plain.setLength(0);
          plain.append(candidate);
          shown++;
        } else {
          List<LayoutBlock> own = interactive(line, text);
          List<LayoutBlock> withPending = new ArrayList<>();
          if (plain.length() > 0) {
            withPending.add(textBlock(plain.toString(), 0));
          }
          withPending.addAll(own);
          if (!fits(withPending, reservedSections)) {
            left.add(line);
            continue;
          }
          flush(plain, reservedSections);
          own.forEach(this::add);
          shown++;
        }
      }
      flush(plain, reservedSections);
      if (!left.isEmpty()) {
        add(
            context(
                x -> x.elements(List.<ContextBlockElement>of(markdownText(more(left, homeLink))))));
      }
      return shown;
    }

    private boolean flush(StringBuilder plain, int reservedSections) {
      if (plain.length() == 0) {
        return true;
      }
      add(textBlock(plain.toString(), ++lineNo));
      plain.setLength(0);
      return true;
    }

    private LayoutBlock textBlock(String text, int n) {
      String id = DigestIds.blockId(reader, n);
      return section(s -> s.blockId(id).text(markdownText(SlackText.cut(text, MAX_SECTION_TEXT))));
    }

    private List<LayoutBlock> interactive(DigestLine line, String text) {
      int n = ++lineNo;
      String id = DigestIds.blockId(reader, n);
      List<ButtonElement> buttons =
          line.buttons().stream().limit(5).map(DigestBlocks::button).toList();
      if (buttons.size() == 1) {
        return List.of(
            section(s -> s.blockId(id).text(markdownText(text)).accessory(buttons.get(0))));
      }
      String actionsId = DigestIds.blockId(reader, ++lineNo);
      return List.of(
          section(s -> s.blockId(id).text(markdownText(text))),
          actions(a -> a.blockId(actionsId).elements(new ArrayList<BlockElement>(buttons))));
    }

    void radar(List<String> radar, int maxTeams, int reservedSections) {
      StringBuilder text = new StringBuilder("*Risk radar*");
      int shown = 0;
      for (String team : radar) {
        if (shown >= maxTeams || text.length() + team.length() + 4 > MAX_SECTION_TEXT - 100) {
          break;
        }
        text.append("\n• ").append(team);
        shown++;
      }
      if (shown < radar.size()) {
        text.append("\n_…and ").append(radar.size() - shown).append(" more teams_");
      }
      LayoutBlock block = section(s -> s.text(markdownText(text.toString())));
      if (fits(List.of(block), reservedSections)) {
        add(block);
      } else {
        add(
            context(
                x ->
                    x.elements(
                        List.<ContextBlockElement>of(
                            markdownText(
                                "Risk radar: " + radar.size() + " teams with signals.")))));
      }
    }
  }

  /**
   * "…and 42 more: 30 escalations, 12 initiatives", pointing to the Home tab (pinned lines are
   * never among them unless space ran out).
   */
  static String more(List<DigestLine> left) {
    return more(left, null);
  }

  static String more(List<DigestLine> left, String homeLink) {
    Map<String, Long> byKind =
        left.stream()
            .collect(
                Collectors.groupingBy(
                    l -> l.item().kind(), LinkedHashMap::new, Collectors.counting()));
    String kinds =
        byKind.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(5)
            .map(e -> DigestMessages.count(e.getValue(), e.getKey()))
            .collect(Collectors.joining(", "));
    return DigestMessages.andMore(left.size(), kinds, homeLink);
  }

  /** One line: bullet, pin mark, the source's text (already escaped) and a link when it is safe. */
  static String lineText(DigestLine line) {
    return lineText(line, null);
  }

  /** As above; a line with neither link nor button points to {@code fallbackLink} (Home). */
  static String lineText(DigestLine line, String fallbackLink) {
    StringBuilder out = new StringBuilder("• ");
    if (line.pinned()) {
      out.append(":pushpin: ");
    }
    out.append(SlackText.cut(line.item().text(), 300));
    String link = line.item().link();
    if (link != null && link.matches("https://[^\\s<>|]{1,500}")) {
      out.append(" <").append(link).append("|open>");
    } else if (fallbackLink != null) {
      out.append(" <").append(fallbackLink).append("|").append(DigestMessages.ON_HOME).append(">");
    }
    return out.toString();
  }

  static ButtonElement button(DigestButton b) {
    String value = b.value() == null ? "" : b.value();
    return ButtonElement.builder()
        .text(plainText(SlackText.cut(b.label(), 75)))
        .actionId(b.actionId())
        .value(value.length() > 2_000 ? value.substring(0, 2_000) : value)
        .build();
  }

  static int size(LayoutBlock block) {
    return Json.toSlackJson(block).length();
  }
}
