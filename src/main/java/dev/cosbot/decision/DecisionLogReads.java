package dev.cosbot.decision;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.DecisionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The dashboard's read-only, searchable view of the decision log. */
@ApplicationScoped
public class DecisionLogReads implements DecisionLog {
  @Inject DecisionService service;

  @Override
  @Transactional
  public List<DecisionRow> search(Caller viewer, String words, int limit) {
    List<String> terms =
        words == null || words.isBlank()
            ? List.of()
            : Arrays.stream(words.toLowerCase(Locale.ROOT).trim().split("\\s+")).toList();
    // The log as the viewer may see it, then the words: decisions are few (hundreds a year).
    return service.log(viewer, null, 5_000).stream()
        .filter(d -> terms.stream().allMatch(t -> haystack(d).contains(t)))
        .limit(limit)
        .map(
            d ->
                new DecisionRow(
                    d.id,
                    d.question,
                    d.options,
                    d.status.label(),
                    d.chosenOption,
                    d.status == DecisionStatus.OPEN,
                    d.askerId,
                    d.decidedBy,
                    d.decidedAt,
                    d.delegatedTo,
                    d.note,
                    d.neededBy,
                    d.createdAt))
        .toList();
  }

  private static String haystack(Decision d) {
    return (nz(d.question) + "\n" + nz(d.options) + "\n" + nz(d.context) + "\n" + nz(d.note))
        .toLowerCase(Locale.ROOT);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
