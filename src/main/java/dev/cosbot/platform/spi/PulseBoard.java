package dev.cosbot.platform.spi;

import java.time.Instant;
import java.util.List;

/**
 * The pulse feature's released results as the dashboard reads them: the same rules as in Slack — a
 * round below the survey's minimum number of answers shows no content, an open round only its
 * latest interim release, and never a free-text answer or an answer row.
 */
public interface PulseBoard {
  /** One question's aggregates; {@code kind} is a word such as "scale", "eNPS", "choice". */
  record QuestionRow(
      int number, String text, String kind, int answered, Double mean, Integer enps) {}

  /** One round; when {@code visible} is false, responses is null and questions empty. */
  record RoundRow(
      int seq,
      boolean closed,
      int recipients,
      Integer responses,
      boolean visible,
      Instant releasedAt,
      List<QuestionRow> questions) {}

  record SurveyRow(long id, String title, boolean anonymous, List<RoundRow> rounds) {}

  /** Every survey with its rounds, oldest round first. */
  List<SurveyRow> results();
}
