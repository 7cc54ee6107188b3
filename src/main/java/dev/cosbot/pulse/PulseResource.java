package dev.cosbot.pulse;

import dev.cosbot.ingress.api.AdminApiDocument;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: a survey's results, aggregates only — no answer rows, no free text; an open round
 * shows its live participation and only its latest interim release, a closed round below k nothing.
 * Behind the admin API token (ApiTokenFilter).
 */
@Path("/api/v1/pulse")
@Tag(name = AdminApiDocument.PULSE)
@Produces(MediaType.APPLICATION_JSON)
public class PulseResource {
  @Inject PulseService service;

  public record QuestionJson(
      int number,
      String type,
      String text,
      boolean visible,
      Integer answered,
      Map<String, Long> distribution,
      Double mean,
      Integer enps,
      Double meanChange,
      Integer enpsChange) {}

  public record RoundJson(
      int round,
      boolean closed,
      int recipients,
      Integer responses,
      Integer responseRatePercent,
      boolean visible,
      Integer answeredSoFar,
      java.time.Instant releasedAt,
      List<QuestionJson> questions) {}

  public record SurveyResults(
      long id, String title, boolean anonymous, int minAnswers, List<RoundJson> rounds) {}

  @GET
  @Path("/{id}/results")
  @Operation(
      summary = "Results of a survey, round by round",
      description = "Below the survey's minimum number of answers nothing but the count is shown.")
  @APIResponse(responseCode = "200", description = "The survey's rounds and their results")
  @APIResponse(responseCode = "404", description = "No survey with this id")
  @Transactional
  public SurveyResults results(@PathParam("id") long id) {
    PulseSurvey survey = service.survey(id).orElseThrow(NotFoundException::new);
    List<RoundJson> rounds = new ArrayList<>();
    PulseStats.RoundResult previous = null;
    for (PulseStats.RoundResult r : service.history(survey)) {
      List<PulseStats.Change> changes = PulseStats.changes(previous, r);
      List<QuestionJson> questions = new ArrayList<>();
      for (PulseStats.QuestionResult q : r.questions()) {
        PulseStats.Change c =
            changes.stream().filter(x -> x.index() == q.index()).findFirst().orElse(null);
        Map<String, Long> distribution = null;
        if (q.visible() && q.question().type() != QuestionType.TEXT) {
          distribution = new TreeMap<>();
          for (int v = q.question().type() == QuestionType.LIKERT ? 1 : 0;
              v < q.counts().length;
              v++) {
            String key =
                q.question().type().scored() ? String.valueOf(v) : q.question().options().get(v);
            distribution.put(key, q.counts()[v]);
          }
        }
        questions.add(
            new QuestionJson(
                q.index() + 1,
                q.question().type().word,
                q.question().text(),
                q.visible(),
                q.visible() ? q.answered() : null,
                distribution,
                q.mean(),
                q.enps(),
                c == null ? null : c.meanDelta(),
                c == null ? null : c.enpsDelta()));
      }
      rounds.add(
          new RoundJson(
              r.seq(),
              r.closed(),
              r.recipients(),
              r.visible() ? r.responses() : null,
              r.visible() ? r.responseRatePercent() : null,
              r.visible(),
              r.closed() ? null : r.participation(),
              r.releasedAt(),
              questions));
      previous = r;
    }
    return new SurveyResults(survey.id, survey.title, survey.anonymous, service.k(survey), rounds);
  }
}
