package dev.cosbot.dashboard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Browser protections on every dashboard response: scripts, styles and forms only from the app
 * itself (no CDN), no framing, no referrer (a sign-in link never leaks), nothing cached.
 */
@Provider
public class DashboardHeaders implements ContainerResponseFilter {
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    if (!path.equals("/app") && !path.startsWith("/app/")) {
      return;
    }
    var h = response.getHeaders();
    h.putSingle("Content-Security-Policy", CSP);
    h.putSingle("X-Content-Type-Options", "nosniff");
    h.putSingle("X-Frame-Options", "DENY");
    h.putSingle("Referrer-Policy", "no-referrer");
    h.putSingle("Cache-Control", "no-store");
  }
}
