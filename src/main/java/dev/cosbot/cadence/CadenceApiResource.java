package dev.cosbot.cadence;

import dev.cosbot.ingress.api.AdminApiDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API (bearer token, see ApiTokenFilter): rotate the calendar feed token. */
@Path("/api/v1/cadences")
@Tag(name = AdminApiDocument.CADENCES)
@Produces(MediaType.APPLICATION_JSON)
public class CadenceApiResource {
  @Inject CadenceService cadences;

  @POST
  @Path("/calendar-token/rotate")
  @Operation(
      summary = "Rotate the calendar feed URL",
      description = "The old URL stops working at once; the answer holds the new one.")
  public Map<String, String> rotate() {
    String token = cadences.rotateFeedToken("api");
    return Map.of("url", cadences.feedUrl(token));
  }
}
