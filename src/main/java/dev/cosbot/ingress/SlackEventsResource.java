package dev.cosbot.ingress;

import com.slack.api.bolt.response.Response;
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

/**
 * The thin Quarkus adapter for Bolt: request in, {@link SlackIngress}, response out. Runs on a
 * worker thread (blocking signature), never on the event loop.
 */
@Path("/slack/events")
public class SlackEventsResource {
  @Inject SlackIngress ingress;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Slack Events API, slash commands and interactivity (signed by Slack)")
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
