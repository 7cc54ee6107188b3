package dev.cosbot.digest;

import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestIds;
import dev.cosbot.platform.support.NotAllowedException;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

/** What people do with the digest: preview it, pin or mute lines, opt in or out, ask an owner. */
@ApplicationScoped
public class DigestActions {
  @Inject DigestService digests;
  @Inject Roles roles;
  @Inject Outbox outbox;
  @Inject Clock clock;
  @Inject dev.cosbot.platform.support.SignedMetadata signer;

  /** What a preview sent: whose digest, to its own reader or not, and how many items it holds. */
  public record Previewed(String cxo, boolean readerIsCxo, int total, int shown) {}

  /** What opting in or out did. */
  public enum Subscription {
    SUBSCRIBED,
    ALREADY_SUBSCRIBED,
    UNSUBSCRIBED,
    NOT_SUBSCRIBED
  }

  /** DMs the caller the CXO's digest as it would be sent now (no overrides consumed). */
  @Transactional
  public Previewed preview(Caller caller, String requestId) {
    if (!caller.isAdmin() && !caller.isCxo()) {
      throw new NotAllowedException(DigestMessages.PREVIEW_NOT_ALLOWED);
    }
    String cxo = roles.cxo().orElseThrow(() -> new UserFacingException(DigestMessages.NO_CXO));
    Instant now = clock.instant();
    ZoneId zone = digests.zoneOf(cxo);
    DigestService.Built built = digests.build(cxo, DigestContent.Kind.PREVIEW, now, zone);
    outbox.enqueue(
        SlackCalls.postMessage(
            "digest-preview:" + caller.userId() + ":" + requestId,
            caller.userId(),
            DigestMessages.previewText(built.rendered().text()),
            built.rendered().blocks()));
    return new Previewed(
        cxo, cxo.equals(caller.userId()), built.content().total(), built.rendered().shown());
  }

  /**
   * DMs the CXO (or a Chief of Staff who gets their own) their digest as of now, outside the daily
   * schedule: nothing is consumed and the scheduled digest still goes out.
   */
  @Transactional
  public void today(Caller caller, String requestId) {
    boolean cxo = caller.isCxo();
    if (!cxo && !(caller.isAdmin() && DigestSubscriber.findById(caller.userId()) != null)) {
      throw new NotAllowedException(DigestMessages.TODAY_NOT_YOURS);
    }
    Instant now = clock.instant();
    DigestService.Built built =
        digests.build(
            caller.userId(),
            cxo ? DigestContent.Kind.CXO : DigestContent.Kind.CHIEF_OF_STAFF,
            now,
            digests.zoneOf(caller.userId()));
    outbox.enqueue(
        SlackCalls.postMessage(
            DigestMessages.todayKey(caller.userId(), requestId),
            caller.userId(),
            built.rendered().text(),
            built.rendered().blocks()));
  }

  /** Pins or mutes a line of the next digest; the stored override. */
  @Transactional
  public DigestOverride override(Caller caller, DigestOverride.Kind kind, String target) {
    caller.requireAdmin();
    String t = target == null ? "" : target.trim();
    if (t.isEmpty()) {
      throw new UserFacingException(DigestMessages.overrideWhat(kind));
    }
    if (t.length() > 300) {
      throw new UserFacingException(DigestMessages.OVERRIDE_TOO_LONG);
    }
    DigestOverride o = new DigestOverride();
    o.kind = kind;
    o.target = t;
    o.createdBy = caller.userId();
    o.createdAt = clock.instant();
    o.persist();
    return o;
  }

  /** The pins and mutes waiting for the next digest. */
  @Transactional
  public List<DigestOverride> listOverrides(Caller caller) {
    caller.requireAdmin();
    return DigestOverride.pending();
  }

  /** Drops the pins and mutes waiting for the next digest; how many there were. */
  @Transactional
  public long clearOverrides(Caller caller) {
    caller.requireAdmin();
    return DigestOverride.delete("consumedAt is null");
  }

  /** A Chief of Staff opts in to (or out of) their own digest. */
  @Transactional
  public Subscription subscribe(Caller caller, boolean on) {
    if (!caller.isAdmin()) {
      throw new NotAllowedException(DigestMessages.SUBSCRIBE_NOT_ALLOWED);
    }
    DigestSubscriber existing = DigestSubscriber.findById(caller.userId());
    if (on) {
      if (existing != null) {
        return Subscription.ALREADY_SUBSCRIBED;
      }
      DigestSubscriber s = new DigestSubscriber();
      s.userId = caller.userId();
      s.subscribedAt = clock.instant();
      s.persist();
      return Subscription.SUBSCRIBED;
    }
    if (existing == null) {
      return Subscription.NOT_SUBSCRIBED;
    }
    existing.delete();
    return Subscription.UNSUBSCRIBED;
  }

  /** What "Ask owner for detail" did. */
  public enum Asked {
    /** The owner was asked (or already was today: one message per day). */
    ASKED,
    /** The button is on a preview. */
    PREVIEW,
    /** The presser owns the item. */
    YOURS
  }

  /** The outcome of "Ask owner for detail" and whom it concerns. */
  public record AskResult(Asked outcome, String owner) {}

  /**
   * "Ask owner for detail": DMs the owner in the reader's name. The value is signed and names the
   * reader; only they may press it, and pressing twice on one day sends one message.
   */
  @Transactional
  public AskResult askOwner(String presser, String signedValue) {
    String value =
        signer
            .verify(signedValue)
            .orElseThrow(() -> new UserFacingException(DigestMessages.ASK_NOT_FOUND));
    String[] parts = value.split("\\|", 3);
    if (parts.length < 2) {
      throw new UserFacingException(DigestMessages.ASK_NOT_FOUND);
    }
    String reader = parts[0];
    String owner = parts[1];
    String subject = parts.length > 2 ? parts[2] : "";
    if (DigestIds.PREVIEW_READER.equals(reader)) {
      return new AskResult(Asked.PREVIEW, owner);
    }
    if (!reader.equals(presser)) {
      throw new NotAllowedException(DigestMessages.ASK_NOT_YOURS);
    }
    if (!owner.matches("[UW][A-Z0-9]{2,20}")) {
      throw new UserFacingException(DigestMessages.ASK_NOT_FOUND);
    }
    if (owner.equals(presser)) {
      return new AskResult(Asked.YOURS, owner);
    }
    String day = clock.instant().atZone(digests.zoneOf(presser)).toLocalDate().toString();
    boolean cxo = roles.cxo().filter(presser::equals).isPresent();
    outbox.enqueue(
        SlackCalls.postMessage(
            DigestMessages.askKey(presser, owner, hash(subject), day),
            owner,
            DigestMessages.askOwnerDm(presser, cxo, subject),
            null));
    return new AskResult(Asked.ASKED, owner);
  }

  /**
   * Signs an "Ask owner" value for {@code reader}: only they can use it, and it can't be edited.
   */
  String signAsk(String reader, String value) {
    return signer.sign(reader + "|" + value);
  }

  static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
