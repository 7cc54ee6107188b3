package dev.cosbot.pulse;

import dev.cosbot.ingress.api.AdminApiDocument;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves docs/privacy.md (packaged with the app) at {@code /privacy}, so the link in every
 * respondent's survey modal works without a documentation site and always matches the running
 * version.
 */
@Path(PulsePrivacyResource.PATH)
@Tag(name = AdminApiDocument.PULSE)
public class PulsePrivacyResource {
  public static final String PATH = "/privacy";

  @GET
  @Produces("text/plain; charset=utf-8")
  @Operation(
      summary = "Read what cos-bot keeps about survey answers",
      description = "The privacy notice every survey form links to; public, no token.")
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
