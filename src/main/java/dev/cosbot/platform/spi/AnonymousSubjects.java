package dev.cosbot.platform.spi;

import java.util.List;
import java.util.Optional;

/**
 * Anonymous texts a feature lets the Chiefs of Staff reply to (pulse comments), with their writer's
 * sealed reply handle ({@code Sealed.REPLY_HANDLE}): how anonymous conversations start from another
 * feature's answers without importing it or learning who wrote them.
 */
public interface AnonymousSubjects {
  /** Recent texts that may be replied to, newest first, at most {@code limit}. */
  List<AnonymousSubject> replyable(int limit);

  /** The subject and the sealed reply handle (a token) of {@code ref}; empty when gone. */
  Optional<Handle> handle(String ref);

  /** A subject with its writer's sealed reply handle. */
  record Handle(AnonymousSubject subject, String sealedHandle) {}
}
