package dev.cosbot.ingress.api;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Every /api/v1 call needs {@code Authorization: Bearer <COSBOT_API_TOKEN>}, compared in constant
 * time.
 */
@Provider
public class ApiTokenFilter implements ContainerRequestFilter {
  // Looked up per request: filters are created before runtime configuration is available.
  @Inject Instance<ApiSettings> settings;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/api/v1") && !path.startsWith("api/v1")) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (!authorized(header)) {
      request.abortWith(
          Response.status(Response.Status.UNAUTHORIZED)
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .type(MediaType.APPLICATION_JSON)
              .entity("{\"error\":\"unauthorized\"}")
              .build());
    }
  }

  boolean authorized(String header) {
    var token = settings.get().token();
    if (token.isEmpty() || header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
    byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }
}
