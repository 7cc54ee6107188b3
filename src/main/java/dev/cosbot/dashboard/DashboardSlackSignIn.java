package dev.cosbot.dashboard;

import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Person;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * "Sign in with Slack" (OpenID Connect through quarkus-oidc, only when a client id and secret are
 * configured): Slack vouches for the person, who then gets an ordinary dashboard session. Only
 * people of this workspace (known to the people directory, not deactivated, not bots) get in.
 */
@Path(DashboardPaths.SIGN_IN_SLACK)
@Produces(MediaType.TEXT_HTML)
public class DashboardSlackSignIn {
  /** Slack's claim with the member id (the subject is the same id). */
  static final String USER_CLAIM = "https://slack.com/user_id";

  @Inject @IdToken JsonWebToken idToken;
  @Inject DashboardSignIn signIn;
  @Inject DashboardSettings settings;
  @Inject PeopleDirectory people;

  @Location("dashboard/message.html")
  Template message;

  @GET
  @Authenticated
  public Response signedIn(@Context UriInfo uri) {
    String user =
        Optional.ofNullable(idToken.<String>getClaim(USER_CLAIM)).orElse(idToken.getSubject());
    Optional<Person> person =
        people.get(user).filter(p -> !p.deleted && !p.bot && p.slackUserId != null);
    // The OIDC session has done its job: the dashboard's own session takes over.
    NewCookie dropOidc =
        new NewCookie.Builder("q_session").value("").path(DashboardPaths.ROOT).maxAge(0).build();
    if (person.isEmpty()) {
      return Response.status(Response.Status.FORBIDDEN)
          .entity(
              message
                  .data("title", "Not a member of this workspace")
                  .data(
                      "text",
                      "Slack signed you in, but not as a member of the workspace cos-bot works"
                          + " for. Sign in to Slack with your account there and try again.")
                  .data("slack", false)
                  .data("action", null))
          .cookie(dropOidc)
          .build();
    }
    String session = signIn.startSession(user, "slack");
    return Response.seeOther(URI.create(DashboardPaths.ROOT))
        .cookie(DashboardResource.cookie(settings, session, uri, false), dropOidc)
        .build();
  }
}
