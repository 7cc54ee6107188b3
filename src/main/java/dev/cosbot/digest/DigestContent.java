package dev.cosbot.digest;

import dev.cosbot.platform.spi.DigestSection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A digest ranked and ready to render: lines per section (best first), the risk radar, and what the
 * reader should know about how it was made (sources that failed, lines a Chief of Staff muted).
 *
 * @param readerUserId who it is for
 * @param date the reader's local date
 * @param kind what sort of digest it is (decides the title and whether buttons work)
 * @param sections lines per section, ranked
 * @param radar one line per team, most worrying first (mrkdwn, escaped)
 * @param notes Chief-of-Staff notes pinned into the digest (mrkdwn, escaped)
 * @param failedSources names of sources that failed while building it
 * @param muted how many lines were muted by a Chief of Staff
 */
public record DigestContent(
    String readerUserId,
    LocalDate date,
    Kind kind,
    Map<DigestSection, List<DigestLine>> sections,
    List<String> radar,
    List<String> notes,
    List<String> failedSources,
    int muted) {

  /** The CXO's digest, a Chief of Staff's own fuller digest, or a preview of the CXO's. */
  public enum Kind {
    CXO,
    CHIEF_OF_STAFF,
    PREVIEW
  }

  public List<DigestLine> lines(DigestSection section) {
    return sections.getOrDefault(section, List.of());
  }

  public int count(DigestSection section) {
    return lines(section).size();
  }

  /** Nothing needs the reader and nothing is worth watching. */
  public boolean quiet() {
    return lines(DigestSection.NEEDS_YOU).isEmpty()
        && lines(DigestSection.WATCH).isEmpty()
        && radar.isEmpty()
        && notes.isEmpty();
  }

  public int total() {
    return sections.values().stream().mapToInt(List::size).sum();
  }
}
