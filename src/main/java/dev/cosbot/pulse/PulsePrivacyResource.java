package dev.cosbot.pulse;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves docs/privacy.md (packaged with the app) at {@code /privacy}, so the link in every
 * respondent's survey modal works without a documentation site and always matches the running
 * version.
 */
@Path(PulsePrivacyResource.PATH)
public class PulsePrivacyResource {
  public static final String PATH = "/privacy";

  @GET
  @Produces("text/plain; charset=utf-8")
  public Response privacy() throws IOException {
    try (InputStream in =
        PulsePrivacyResource.class.getResourceAsStream("/cosbot-docs/privacy.md")) {
      if (in == null) {
        return Response.status(404).entity("The privacy notes are not packaged.").build();
      }
      return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
    }
  }
}
