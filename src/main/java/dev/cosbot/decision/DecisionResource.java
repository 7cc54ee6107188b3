package dev.cosbot.decision;

import dev.cosbot.ingress.api.AdminApiDocument;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The decision log as JSON for tools: {@code GET /api/v1/decisions[?status=OPEN&limit=100]} (bearer
 * token).
 */
@Path("/api/v1/decisions")
@Tag(name = AdminApiDocument.DECISIONS)
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {
  /** One decision as the API shows it. */
  public record DecisionJson(
      long id,
      String status,
      String question,
      String context,
      String options,
      LocalDate neededBy,
      String askerId,
      String aboutUserId,
      String link,
      String decidedBy,
      Instant decidedAt,
      String delegatedTo,
      String note,
      String chosenOption,
      Instant createdAt,
      boolean overdueFlagged) {
    static DecisionJson of(Decision d) {
      return new DecisionJson(
          d.id,
          d.status.name(),
          d.question,
          d.context,
          d.options,
          d.neededBy,
          d.askerId,
          d.aboutUserId,
          d.link,
          d.decidedBy,
          d.decidedAt,
          d.delegatedTo,
          d.note,
          d.chosenOption,
          d.createdAt,
          d.overdueFlaggedAt != null);
    }
  }

  @GET
  @Transactional
  @Operation(
      summary = "List decisions, newest first",
      description =
          "Optionally only one status (OPEN, DECIDED, APPROVED, DECLINED, DELEGATED, MORE_INFO).")
  public List<DecisionJson> list(
      @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
    DecisionStatus filter = null;
    if (status != null && !status.isBlank()) {
      try {
        filter = DecisionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(
            "status must be one of OPEN, DECIDED, APPROVED, DECLINED, DELEGATED, MORE_INFO");
      }
    }
    return Decision.log(filter, null, Math.max(1, Math.min(limit, 1_000))).stream()
        .map(DecisionJson::of)
        .toList();
  }
}
