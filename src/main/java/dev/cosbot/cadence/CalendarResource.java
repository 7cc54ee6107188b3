package dev.cosbot.cadence;

import dev.cosbot.ingress.api.AdminApiDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /calendar/{token}.ics}: the subscribable feed. The secret token in the path is the
 * only credential (calendar apps cannot send headers); a wrong token is a plain 404.
 */
@Path("/calendar")
@Tag(name = AdminApiDocument.CADENCES)
public class CalendarResource {
  @Inject CadenceService cadences;
  @Inject CadenceSettings settings;
  @Inject CadenceAccess access;
  @Inject CadenceMeetings meetings;

  @GET
  @Path("/{token}.ics")
  @Operation(
      summary = "Subscribe to the cadences as an iCalendar feed",
      description = "No bearer token: the secret is the URL itself (rotate it through the API).")
  @APIResponse(responseCode = "200", description = "text/calendar feed of the coming occurrences")
  @APIResponse(responseCode = "404", description = "Unknown or rotated feed token")
  public Response feed(@PathParam("token") String token) {
    if (!cadences.feedTokenMatches(token)) {
      return Response.status(Response.Status.NOT_FOUND)
          .type("text/plain")
          .entity("not found")
          .build();
    }
    Instant now = cadences.now();
    String body =
        CalendarFeed.render(
            // Anyone holding the URL reads the feed: cadences of private channels stay out of it.
            cadences.between(now, now.plus(Duration.ofDays(settings.feedDays()))).stream()
                .filter(o -> access.isPublic(o.cadence()))
                .toList(),
            now,
            settings.eventMinutes(),
            meetings::calendarText);
    return Response.ok(body, "text/calendar; charset=utf-8")
        .header("Cache-Control", "private, max-age=300")
        .header("Content-Disposition", "inline; filename=\"cadences.ics\"")
        .build();
  }
}
