package dev.cosbot.cadence;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Admin API (bearer token, see ApiTokenFilter): rotate the calendar feed token. */
@Path("/api/v1/cadences")
@Produces(MediaType.APPLICATION_JSON)
public class CadenceApiResource {
  @Inject CadenceService cadences;

  @POST
  @Path("/calendar-token/rotate")
  public Map<String, String> rotate() {
    String token = cadences.rotateFeedToken("api");
    return Map.of("url", cadences.feedUrl(token));
  }
}
