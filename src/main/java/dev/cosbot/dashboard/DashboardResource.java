package dev.cosbot.dashboard;

import dev.cosbot.dashboard.DashboardSignIn.Viewer;
import dev.cosbot.dashboard.View.Page;
import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.support.UserFacingException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The web dashboard under {@code /app}: server-rendered pages for a signed-in person. Every page
 * checks the session and the person's roles as they are now; a page they may not open is a 403.
 */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {
  @Inject DashboardSignIn signIn;
  @Inject DashboardPages pages;
  @Inject DashboardSettingsPage settingsPage;
  @Inject DashboardSettings settings;
  @Inject PeopleDirectory people;
  @Inject Clock clock;

  @Location("dashboard/page.html")
  Template page;

  @Location("dashboard/settings.html")
  Template settingsTemplate;

  @Location("dashboard/message.html")
  Template message;

  // ------------------------------------------------------------------------------ sign-in

  @GET
  @Path("/sign-in")
  public Response signInPage(@QueryParam("bye") String bye) {
    return Response.ok(
            message(
                bye != null ? "You are signed out" : "Sign in",
                (bye != null ? "You are signed out of the cos-bot dashboard. " : "")
                    + "To sign in, type /cos dashboard in Slack (or use the button on the"
                    + " cos-bot Home tab): you get a personal link that works once.",
                settings.slackSignIn()))
        .build();
  }

  @GET
  @Path("/sign-in/{token}")
  public Response confirm(@PathParam("token") String token) {
    if (!signIn.usable(token)) {
      return linkSpent();
    }
    // A button rather than signing in on GET: link checkers and previews that open the URL do
    // not spend it.
    return Response.ok(
            message(
                    "Sign in to cos-bot",
                    "This personal link signs you in to the dashboard. It works once.",
                    false)
                .data("action", DashboardPaths.SIGN_IN)
                .data("token", token)
                .data("button", "Continue to the dashboard"))
        .build();
  }

  @POST
  @Path("/sign-in")
  @Produces(MediaType.TEXT_HTML)
  public Response redeem(@FormParam("token") String token, @Context UriInfo uri) {
    Optional<String> session = signIn.redeem(token);
    if (session.isEmpty()) {
      return linkSpent();
    }
    return Response.seeOther(URI.create(DashboardPaths.ROOT))
        .cookie(cookie(session.get(), uri, false))
        .build();
  }

  private Response linkSpent() {
    return Response.status(Response.Status.GONE)
        .entity(
            message(
                "This link no longer works",
                "Sign-in links work once, for "
                    + settings.linkValidFor().toMinutes()
                    + " minutes, and only for the person who asked. Type /cos dashboard in"
                    + " Slack for a new one.",
                settings.slackSignIn()))
        .build();
  }

  /** The one-message page: a title, a sentence, and the Sign in with Slack button if offered. */
  private TemplateInstance message(String title, String text, boolean slack) {
    return message
        .data("title", title)
        .data("text", text)
        .data("slack", slack)
        .data("action", null);
  }

  @POST
  @Path("/sign-out")
  public Response signOut(
      @CookieParam(DashboardPaths.COOKIE) String sid,
      @FormParam("csrf") String csrf,
      @Context UriInfo uri) {
    Optional<Viewer> viewer = signIn.viewer(sid);
    if (viewer.isPresent() && !DashboardSignIn.csrfMatches(viewer.get(), csrf)) {
      return csrfRefused(viewer.get());
    }
    signIn.signOut(sid);
    return Response.seeOther(URI.create(DashboardPaths.SIGN_IN + "?bye=1"))
        .cookie(cookie("", uri, true))
        .build();
  }

  // -------------------------------------------------------------------------------- pages

  @GET
  public Response me(@CookieParam(DashboardPaths.COOKIE) String sid, @Context UriInfo uri) {
    return show(sid, DashboardPaths.ME, (v, w) -> build(DashboardPaths.ME, v, w, uri));
  }

  /** Every page but Me, the initiative and the settings: one handler, the page picked by path. */
  @GET
  @Path("/{page: portfolio|escalations|pulse|decisions|rhythm|review}")
  public Response page(
      @CookieParam(DashboardPaths.COOKIE) String sid,
      @PathParam("page") String name,
      @Context UriInfo uri) {
    DashboardPaths which = DashboardPaths.named(name);
    return show(sid, which, (v, w) -> build(which, v, w, uri));
  }

  @GET
  @Path("/portfolio/{id: [0-9]+}")
  public Response initiative(
      @CookieParam(DashboardPaths.COOKIE) String sid, @PathParam("id") long id) {
    return show(
        sid, DashboardPaths.PORTFOLIO, (v, w) -> pages.initiative(v.caller(), id, w).orElse(null));
  }

  /** The page {@code which} for the viewer, with the filters of the query string. */
  private Page build(DashboardPaths which, Viewer v, Wording w, UriInfo uri) {
    var q = uri.getQueryParameters();
    var caller = v.caller();
    return switch (which) {
      case ME -> pages.me(caller, w);
      case PORTFOLIO -> pages.portfolio(caller, w);
      case ESCALATIONS ->
          pages.escalations(
              caller, w, q.getFirst("area"), q.getFirst("severity"), q.getFirst("owner"));
      case PULSE -> pages.pulse(caller, w);
      case DECISIONS -> pages.decisions(caller, w, q.getFirst("q"));
      case RHYTHM -> pages.rhythm(caller, w);
      case REVIEW -> pages.review(caller, w);
      case SETTINGS -> null;
    };
  }

  // ---------------------------------------------------------------------------------- CSV

  @GET
  @Path("/{page: [a-z]+}.csv")
  @Produces("text/csv")
  public Response csv(
      @CookieParam(DashboardPaths.COOKIE) String sid,
      @PathParam("page") String name,
      @QueryParam("table") String table,
      @Context UriInfo uri) {
    DashboardPaths which = DashboardPaths.named(name);
    if (which == null || which == DashboardPaths.SETTINGS) {
      return notFound(signIn.viewer(sid).orElse(null));
    }
    return csvOf(sid, which, name, table, (v, w) -> build(which, v, w, uri));
  }

  @GET
  @Path("/portfolio/{id: [0-9]+}.csv")
  @Produces("text/csv")
  public Response initiativeCsv(
      @CookieParam(DashboardPaths.COOKIE) String sid,
      @PathParam("id") long id,
      @QueryParam("table") String table) {
    return csvOf(
        sid,
        DashboardPaths.PORTFOLIO,
        "initiative-" + id,
        table,
        (v, w) -> pages.initiative(v.caller(), id, w).orElse(null));
  }

  private Response csvOf(
      String sid,
      DashboardPaths which,
      String name,
      String table,
      BiFunction<Viewer, Wording, Page> build) {
    return guarded(
        sid,
        which,
        v -> {
          Page p = build.apply(v, wording(v));
          View.Table t = p == null || table == null ? null : p.table(table);
          if (t == null) {
            return notFound(v);
          }
          String file = name + "-" + t.id() + ".csv";
          return Response.ok(Csv.of(t).getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8")
              .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
              .build();
        });
  }

  // ----------------------------------------------------------------------------- settings

  @GET
  @Path("/settings")
  public Response settings(
      @CookieParam(DashboardPaths.COOKIE) String sid, @QueryParam("saved") String saved) {
    return guarded(
        sid,
        DashboardPaths.SETTINGS,
        v -> settingsPage(v, saved != null ? "Saved." : null, null, 200));
  }

  @POST
  @Path("/settings")
  public Response change(
      @CookieParam(DashboardPaths.COOKIE) String sid,
      @FormParam("csrf") String csrf,
      @FormParam("change") String change,
      @FormParam("user") String user,
      @FormParam("area") String area,
      @FormParam("keywords") String keywords,
      @FormParam("owner") String owner,
      @FormParam("rule") String rule,
      @FormParam("severity") String severity,
      @FormParam("ack") String ack,
      @FormParam("resolve") String resolve,
      @FormParam("sendAt") String sendAt,
      @FormParam("days") List<String> days) {
    Map<String, String> fields = new HashMap<>();
    fields.put("user", user);
    fields.put("area", area);
    fields.put("keywords", keywords);
    fields.put("owner", owner);
    fields.put("rule", rule);
    fields.put("severity", severity);
    fields.put("ack", ack);
    fields.put("resolve", resolve);
    fields.put("sendAt", sendAt);
    fields.put("days", days == null ? "" : String.join(",", days));
    return guarded(
        sid,
        DashboardPaths.SETTINGS,
        v -> {
          if (!DashboardSignIn.csrfMatches(v, csrf)) {
            return csrfRefused(v);
          }
          try {
            settingsPage.apply(v.caller(), change == null ? "" : change, fields);
          } catch (UserFacingException e) {
            return settingsPage(v, null, plain(e.getMessage()), 400);
          }
          return Response.seeOther(URI.create(DashboardPaths.SETTINGS.path + "?saved=1")).build();
        });
  }

  private Response settingsPage(Viewer v, String saved, String error, int status) {
    Wording w = wording(v);
    TemplateInstance t =
        settingsTemplate
            .data("title", "Settings")
            .data("m", settingsPage.model(w))
            .data("saved", saved)
            .data("error", error)
            .data("note", "Times are shown in " + w.zone().getId() + ".");
    return Response.status(status).entity(chrome(t, v, DashboardPaths.SETTINGS)).build();
  }

  // ------------------------------------------------------------------------------ helpers

  private Response show(String sid, DashboardPaths which, BiFunction<Viewer, Wording, Page> build) {
    return guarded(
        sid,
        which,
        v -> {
          Page p = build.apply(v, wording(v));
          if (p == null) {
            return notFound(v);
          }
          return Response.ok(chrome(page.data("p", p).data("title", p.title()), v, which)).build();
        });
  }

  /**
   * The one gate of every page, CSV and form: no session sends the browser to the sign-in page, a
   * role that may not open {@code which} gets a 403; otherwise {@code then} answers.
   */
  private Response guarded(String sid, DashboardPaths which, Function<Viewer, Response> then) {
    Optional<Viewer> viewer = signIn.viewer(sid);
    if (viewer.isEmpty()) {
      return Response.seeOther(URI.create(DashboardPaths.SIGN_IN)).build();
    }
    if (!which.allows(viewer.get().caller())) {
      return forbidden(viewer.get());
    }
    return then.apply(viewer.get());
  }

  private TemplateInstance chrome(TemplateInstance t, Viewer v, DashboardPaths current) {
    return t.data("nav", Nav.of(v.caller(), current))
        .data("csrf", v.csrf())
        .data("who", whoIs(v.userId()));
  }

  /** The signed-in person's name; never their Slack id. */
  private String whoIs(String userId) {
    return people
        .get(userId)
        .filter(p -> p.displayName != null || p.realName != null)
        .map(dev.cosbot.platform.people.Person::name)
        .orElse("Signed in");
  }

  private Response forbidden(Viewer v) {
    return status(
        v,
        403,
        "Not for your role",
        "This page is for the Chiefs of Staff"
            + " and the CXO. Ask a Chief of Staff if you need what it shows.");
  }

  private Response notFound(Viewer v) {
    if (v == null) {
      return Response.seeOther(URI.create(DashboardPaths.SIGN_IN)).build();
    }
    return status(v, 404, "Not found", "There is nothing here. It may have been removed.");
  }

  private Response csrfRefused(Viewer v) {
    return status(
        v,
        403,
        "Nothing was changed",
        "That form did not come from this dashboard session (or the page is too old). Reload the"
            + " page and try again.");
  }

  private Response status(Viewer v, int code, String title, String text) {
    return Response.status(code).entity(chrome(message(title, text, false), v, null)).build();
  }

  private Wording wording(Viewer v) {
    return new Wording(people.zoneOf(v.userId()), clock.instant());
  }

  private NewCookie cookie(String value, UriInfo uri, boolean clear) {
    return cookie(settings, value, uri, clear);
  }

  /** The session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS, only for /app. */
  static NewCookie cookie(DashboardSettings settings, String value, UriInfo uri, boolean clear) {
    boolean secure =
        settings.base().startsWith("https:") || "https".equals(uri.getBaseUri().getScheme());
    return new NewCookie.Builder(DashboardPaths.COOKIE)
        .value(value)
        .path(DashboardPaths.ROOT)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .maxAge(clear ? 0 : (int) settings.sessionValidFor().toSeconds())
        .build();
  }

  /** A Slack-flavoured message as plain text: mentions become names, mrkdwn marks go. */
  String plain(String mrkdwn) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>").matcher(mrkdwn);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(people.nameOf(m.group(1))));
    }
    m.appendTail(out);
    return out.toString().replace("`", "").replace("*", "");
  }

  /** A menu entry. */
  @io.quarkus.qute.TemplateData
  public record Nav(String path, String label, boolean current) {
    static java.util.List<Nav> of(
        dev.cosbot.platform.people.Caller caller, DashboardPaths current) {
      return DashboardPaths.visibleTo(caller).stream()
          .map(p -> new Nav(p.path, p.label, p == current))
          .toList();
    }
  }
}
