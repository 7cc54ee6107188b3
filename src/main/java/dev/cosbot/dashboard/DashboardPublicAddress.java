package dev.cosbot.dashboard;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * "Sign in with Slack" only ever starts on the configured public address (COSBOT_PUBLIC_URL):
 * quarkus-oidc builds the redirect URL it sends to Slack from the request, so a request that
 * arrives under another Host header is first sent to the same path on the public address. Sign-in
 * links never read the Host header at all ({@link DashboardSettings#base()}).
 */
@Provider
@PreMatching
public class DashboardPublicAddress implements ContainerRequestFilter {
  // Looked up per request: providers are built before the configuration mappings exist.
  @Inject Instance<DashboardSettings> config;

  @Override
  public void filter(ContainerRequestContext request) {
    DashboardSettings settings = config.get();
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (path == null || !path.startsWith(DashboardPaths.ROOT + "/auth/")) {
      return;
    }
    Optional<URI> configured =
        settings.publicUrl().filter(u -> !u.isBlank()).map(u -> URI.create(settings.base()));
    if (configured.isEmpty() || configured.get().getHost() == null) {
      return;
    }
    String host = request.getUriInfo().getRequestUri().getHost();
    if (host != null
        && host.toLowerCase(Locale.ROOT)
            .equals(configured.get().getHost().toLowerCase(Locale.ROOT))) {
      return;
    }
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    request.abortWith(
        Response.seeOther(URI.create(settings.base() + path + (query == null ? "" : "?" + query)))
            .build());
  }
}
