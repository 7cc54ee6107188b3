package dev.cosbot.ingress;

import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.api.AdminApiDocument;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The thin Quarkus adapter for Bolt: request in, {@link SlackIngress}, response out. Runs on a
 * worker thread (blocking signature), never on the event loop.
 */
@Path("/slack/events")
@Tag(name = AdminApiDocument.SLACK)
public class SlackEventsResource {
  @Inject SlackIngress ingress;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Receive events, slash commands and interactions from Slack",
      description =
          "Authenticated by Slack's request signature (v0, 5-minute window), not a token.")
  @APIResponse(responseCode = "200", description = "Acknowledged")
  @APIResponse(responseCode = "401", description = "Missing, wrong or stale Slack signature")
  @APIResponse(responseCode = "503", description = "Offline (no credentials) or database down")
  public jakarta.ws.rs.core.Response receive(
      String body,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    Map<String, List<String>> headerMap = headers.getRequestHeaders();
    Response response =
        ingress.handle(
            body,
            headerMap,
            uri.getQueryParameters(),
            request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    jakarta.ws.rs.core.Response.ResponseBuilder out =
        jakarta.ws.rs.core.Response.status(response.getStatusCode());
    if (response.getContentType() != null) {
      out.type(response.getContentType());
    }
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
    }
    return out.entity(response.getBody()).build();
  }
}
