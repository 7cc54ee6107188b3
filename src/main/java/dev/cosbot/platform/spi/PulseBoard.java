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

  /** One scored question's figures within a team (only cells that may be shown). */
  record TeamCell(int number, int answered, Double mean, Integer enps) {}

  /**
   * A team that may be shown in a closed round's breakdown (at least k answers, and the hidden
   * teams together not between 1 and k−1); {@code team} is the name it was picked by.
   */
  record TeamRow(String team, int responses, List<TeamCell> cells) {}

  /**
   * One round; when {@code visible} is false, responses is null and questions and teams empty.
   * {@code teams} is filled only for a closed round of a survey broken down by team, {@code
   * teamsHidden} counts the teams held back.
   */
  record RoundRow(
      int seq,
      boolean closed,
      int recipients,
      Integer responses,
      boolean visible,
      Instant releasedAt,
      List<QuestionRow> questions,
      List<TeamRow> teams,
      int teamsHidden) {}

  record SurveyRow(long id, String title, boolean anonymous, List<RoundRow> rounds) {}

  /** An open round someone was asked and has not answered yet. */
  record WaitingSurvey(long roundId, String title, Instant closesAt) {}

  /** Every survey with its rounds, oldest round first. */
  List<SurveyRow> results();

  /**
   * The open rounds {@code userId} was asked and has not answered, closing soonest first. Who
   * answered is stored nowhere: the person's ballot is computed in memory and looked up.
   */
  List<WaitingSurvey> waitingFor(String userId, Instant now);
}
