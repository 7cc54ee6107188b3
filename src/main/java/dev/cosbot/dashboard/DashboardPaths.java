package dev.cosbot.dashboard;

import dev.cosbot.platform.people.Caller;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** The dashboard's pages, where they live and who may open each (checked on every request). */
public enum DashboardPaths {
  ME("/app", "Me", c -> true),
  PORTFOLIO("/app/portfolio", "Portfolio", DashboardPaths::leadership),
  ESCALATIONS("/app/escalations", "Escalations", c -> true),
  PULSE("/app/pulse", "Pulse", DashboardPaths::leadership),
  DECISIONS("/app/decisions", "Decisions", c -> true),
  RHYTHM("/app/rhythm", "Rhythm", c -> true),
  REVIEW("/app/review", "Weekly review", DashboardPaths::leadership),
  SETTINGS("/app/settings", "Settings", Caller::isAdmin);

  public static final String ROOT = "/app";
  public static final String SIGN_IN = "/app/sign-in";

  /** Where "Sign in with Slack" starts. */
  public static final String SIGN_IN_SLACK = "/app/auth/slack";

  /** Where Slack sends the browser back (the OAuth redirect URL in the Slack app's settings). */
  public static final String SLACK_CALLBACK = "/app/auth/callback";

  public static final String SIGN_OUT = "/app/sign-out";
  public static final String COOKIE = "cosbot_session";

  public final String path;
  public final String label;
  private final Predicate<Caller> allowed;

  DashboardPaths(String path, String label, Predicate<Caller> allowed) {
    this.path = path;
    this.label = label;
    this.allowed = allowed;
  }

  public boolean allows(Caller caller) {
    return allowed.test(caller);
  }

  /** The page whose path ends in {@code name} ("me" for the Me page), or null. */
  public static DashboardPaths named(String name) {
    if ("me".equals(name)) {
      return ME;
    }
    return Arrays.stream(values())
        .filter(p -> p != ME && p.path.equals(ROOT + "/" + name))
        .findFirst()
        .orElse(null);
  }

  /** The pages {@code caller} may open, in menu order. */
  public static List<DashboardPaths> visibleTo(Caller caller) {
    return Arrays.stream(values()).filter(p -> p.allows(caller)).toList();
  }

  private static boolean leadership(Caller c) {
    return c.isAdmin() || c.isCxo();
  }
}
