package dev.cosbot.ingress.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Errors become a small JSON body: the HTTP reason for client errors, a reference for server
 * errors.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Exception> {
  private static final Logger LOG = Logger.getLogger(ApiErrors.class);

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
      int status = wae.getResponse().getStatus();
      String reason = wae.getResponse().getStatusInfo().getReasonPhrase();
      return Response.status(status)
          .type(MediaType.APPLICATION_JSON)
          .entity(Map.of("error", reason))
          .build();
    }
    if (e instanceof IllegalArgumentException) {
      return Response.status(400)
          .type(MediaType.APPLICATION_JSON)
          .entity(Map.of("error", e.getMessage() == null ? "bad request" : e.getMessage()))
          .build();
    }
    String ref = UUID.randomUUID().toString().substring(0, 8);
    LOG.errorf(e, "API request failed (ref %s)", ref);
    return Response.serverError()
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", "internal error", "ref", ref))
        .build();
  }
}
