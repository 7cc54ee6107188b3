package dev.cosbot.escalation;

import dev.cosbot.ingress.api.AdminApiDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin JSON view of escalations and their time-to-acknowledge / time-to-resolve by area. The token
 * is a machine credential, not a person entitled to confidential escalations: they do not appear.
 */
@Path("/api/v1/escalations")
@Tag(name = AdminApiDocument.ESCALATIONS)
@Produces(MediaType.APPLICATION_JSON)
public class EscalationResource {
  @Inject EscalationReads reads;

  public record Item(
      long id,
      String title,
      String severity,
      String area,
      boolean confidential,
      String status,
      String reporter,
      String ownerUser,
      String ownerGroup,
      String channelId,
      String route,
      int chainStep,
      Instant createdAt,
      Instant ackDueAt,
      Instant resolveDueAt,
      Instant acknowledgedAt,
      String acknowledgedBy,
      Instant resolvedAt,
      String resolvedBy,
      boolean ackBreached,
      boolean resolveBreached) {
    static Item of(Escalation e) {
      return new Item(
          e.id,
          e.title,
          e.severity.name(),
          e.area,
          e.confidential,
          e.status.name(),
          e.reporter,
          e.ownerUser,
          e.ownerGroup,
          e.channelId,
          e.routeLabel,
          e.chainStep,
          e.createdAt,
          e.ackDueAt,
          e.resolveDueAt,
          e.acknowledgedAt,
          e.acknowledgedBy,
          e.resolvedAt,
          e.resolvedBy,
          e.ackBreachedAt != null,
          e.resolveBreachedAt != null);
    }
  }

  public record Step(int step, String target, Instant takenAt) {}

  public record AuditEvent(Instant at, String actor, String action, String detail) {}

  public record Detail(
      Item escalation,
      String details,
      String link,
      String resolution,
      List<Step> steps,
      List<AuditEvent> audit) {}

  @GET
  @Operation(
      summary = "List escalations, newest first",
      description = "Optionally by status (OPEN, ACKNOWLEDGED, RESOLVED) and area; at most 1000.")
  public List<Item> list(
      @QueryParam("status") String status,
      @QueryParam("area") String area,
      @QueryParam("limit") Integer limit) {
    if (status != null
        && !status.isBlank()
        && !List.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(status.trim().toUpperCase())) {
      throw new BadRequestException("status must be OPEN, ACKNOWLEDGED or RESOLVED");
    }
    int max = limit == null ? 200 : Math.max(1, Math.min(1000, limit));
    return reads.all(status, area, max).stream().map(Item::of).toList();
  }

  @GET
  @Path("/stats")
  @Operation(summary = "Escalation counts, acknowledgement and resolution times per area")
  public List<EscalationReads.AreaStats> stats() {
    return reads.stats();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One escalation with its chain of owners and audit trail")
  @APIResponse(responseCode = "200", description = "The escalation")
  @APIResponse(responseCode = "404", description = "No escalation with this id")
  public Detail one(@PathParam("id") long id) {
    // A confidential escalation does not exist for the API token: the same 404 as a missing one.
    Escalation e =
        reads
            .find(id)
            .filter(x -> !x.confidential)
            .orElseThrow(() -> new NotFoundException("no escalation " + id));
    List<Step> steps =
        reads.steps(id).stream()
            .map(r -> new Step(((Number) r[0]).intValue(), (String) r[1], toInstant(r[2])))
            .toList();
    List<AuditEvent> audit =
        reads.audit(id).stream()
            .map(a -> new AuditEvent(a.at, a.actor, a.action, a.detail))
            .toList();
    return new Detail(Item.of(e), e.details, e.link, e.resolution, steps, audit);
  }

  private static Instant toInstant(Object o) {
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (o instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    return null;
  }
}
