package dev.cosbot.dashboard;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One-time sign-in links and browser sessions. Only SHA-256 hashes of links and session ids are
 * stored; a link works once, for a few minutes, and only signs in the person it was made for.
 */
@ApplicationScoped
public class DashboardSignIn {
  private static final Logger LOG = Logger.getLogger(DashboardSignIn.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A signed-in browser: who, their roles now, and the session's CSRF token. */
  public record Viewer(String userId, Caller caller, String csrf) {}

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject DashboardSettings settings;
  @Inject Roles roles;

  /** A new link for {@code userId}: the full URL to hand them (only they see it). */
  @Transactional
  public String issueLink(String userId) {
    String token = secret();
    Instant now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO dashboard_link (token_hash, user_id, created_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, hash(token))
        .setParameter(2, userId)
        .setParameter(3, Timestamp.from(now))
        .setParameter(4, Timestamp.from(now.plus(settings.linkValidFor())))
        .executeUpdate();
    // Spent and expired links are of no use to anyone: keep the table small.
    em.createNativeQuery("DELETE FROM dashboard_link WHERE expires_at < ?1")
        .setParameter(1, Timestamp.from(now.minus(settings.linkValidFor())))
        .executeUpdate();
    return settings.base() + DashboardPaths.SIGN_IN + "/" + token;
  }

  /** Whether a link would still sign someone in (without spending it). */
  @Transactional
  public boolean usable(String token) {
    if (token == null || token.length() > 100) {
      return false;
    }
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM dashboard_link"
                        + " WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2")
                .setParameter(1, hash(token))
                .setParameter(2, Timestamp.from(clock.instant()))
                .getSingleResult();
    return n.intValue() > 0;
  }

  /**
   * Spends a link: the session id for its person, or empty when the link is unknown, used or
   * expired. Two browsers racing with the same link get one session between them.
   */
  @Transactional
  public Optional<String> redeem(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<String> who =
        em.createNativeQuery(
                "UPDATE dashboard_link SET used_at = ?1"
                    + " WHERE token_hash = ?2 AND used_at IS NULL AND expires_at > ?1"
                    + " RETURNING user_id")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, hash(token))
            .getResultList();
    if (who.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(startSession(who.get(0), "link"));
  }

  /** A new session for {@code userId} (after a link or Sign in with Slack): its id. */
  @Transactional
  public String startSession(String userId, String via) {
    String id = secret();
    Instant now = clock.instant();
    em.createNativeQuery(
            "INSERT INTO dashboard_session (id_hash, user_id, csrf, via, created_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, hash(id))
        .setParameter(2, userId)
        .setParameter(3, secret())
        .setParameter(4, via)
        .setParameter(5, Timestamp.from(now))
        .setParameter(6, Timestamp.from(now.plus(settings.sessionValidFor())))
        .executeUpdate();
    LOG.infof("%s signed in to the dashboard (%s)", userId, via);
    return id;
  }

  /** The viewer behind a session cookie, with their roles as they are now. */
  @Transactional
  public Optional<Viewer> viewer(String sessionId) {
    if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT user_id, csrf FROM dashboard_session"
                    + " WHERE id_hash = ?1 AND ended_at IS NULL AND expires_at > ?2")
            .setParameter(1, hash(sessionId))
            .setParameter(2, Timestamp.from(clock.instant()))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String userId = (String) rows.get(0)[0];
    return Optional.of(new Viewer(userId, roles.of(userId), (String) rows.get(0)[1]));
  }

  /** Ends the session: its cookie no longer signs anyone in, even if kept. */
  @Transactional
  public void signOut(String sessionId) {
    if (sessionId == null || sessionId.length() > 100) {
      return;
    }
    em.createNativeQuery("UPDATE dashboard_session SET ended_at = ?1 WHERE id_hash = ?2")
        .setParameter(1, Timestamp.from(clock.instant()))
        .setParameter(2, hash(sessionId))
        .executeUpdate();
  }

  /** Whether a form's token is the session's (constant time). */
  public static boolean csrfMatches(Viewer viewer, String given) {
    return given != null
        && MessageDigest.isEqual(
            viewer.csrf().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
