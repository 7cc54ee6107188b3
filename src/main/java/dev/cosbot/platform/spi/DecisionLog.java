package dev.cosbot.platform.spi;

import dev.cosbot.platform.people.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The decision feature's log as the dashboard reads it: everything for the CXO and the Chiefs of
 * Staff, a member's own asks for anyone else.
 */
public interface DecisionLog {
  /** One decision; {@code outcome} is a word such as "Open", "Approved", "Declined". */
  record DecisionRow(
      long id,
      String question,
      String options,
      String outcome,
      String chosenOption,
      boolean open,
      String askerId,
      String decidedById,
      Instant decidedAt,
      String delegatedToId,
      String note,
      LocalDate neededBy,
      Instant createdAt) {}

  /** Decisions matching every word (question, options, note), newest first; blank = all. */
  List<DecisionRow> search(Caller viewer, String words, int limit);
}
