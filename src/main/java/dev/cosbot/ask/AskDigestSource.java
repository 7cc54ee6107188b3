package dev.cosbot.ask;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.DigestItem;
import dev.cosbot.platform.spi.DigestRequest;
import dev.cosbot.platform.spi.DigestSection;
import dev.cosbot.platform.spi.DigestSource;
import dev.cosbot.platform.spi.Meeting;
import dev.cosbot.platform.spi.Meetings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Questions in the digest: the top three before a meeting that takes questions (in the days before
 * it), and for a Chief of Staff the questions waiting for review.
 */
@ApplicationScoped
public class AskDigestSource implements DigestSource {
  /** How many days before a meeting its top questions appear. */
  static final int DAYS_BEFORE = 3;

  /** Questions shown per meeting. */
  static final int TOP = 3;

  @Inject AskService questions;
  @Inject AskConversations conversations;
  @Inject Instance<Meetings> meetings;
  @Inject Roles roles;

  @Override
  public String name() {
    return "ask";
  }

  @Override
  public List<DigestItem> items(DigestRequest request) {
    List<DigestItem> items = new ArrayList<>();
    Caller reader = roles.of(request.readerUserId());
    if (meetings.isResolvable()) {
      for (Meeting m :
          meetings.get().between(request.now(), request.now().plus(Duration.ofDays(DAYS_BEFORE)))) {
        if (!questions.takesQuestions(m.cadenceId())) {
          continue;
        }
        List<AskService.Ranked> top = questions.top(TOP, null);
        for (int i = 0; i < top.size(); i++) {
          AskService.Ranked r = top.get(i);
          items.add(
              new DigestItem(
                  "ask:" + r.question().id,
                  DigestSection.NEEDS_YOU,
                  70 - i * 5,
                  AskBlocks.digestLine(m, i + 1, r),
                  null,
                  null));
        }
        break; // one meeting's questions: they are the same open questions
      }
    }
    if (reader.isAdmin()) {
      long pending = questions.pendingCount();
      if (pending > 0) {
        items.add(
            new DigestItem(
                "ask-queue:" + pending,
                DigestSection.WATCH,
                40,
                AskBlocks.queueLine(pending),
                null,
                null));
      }
    }
    long waiting = reader.isAdmin() ? conversations.waitingForCos() : 0;
    if (waiting > 0) {
      items.add(
          new DigestItem(
              "ask-conversations:" + waiting,
              DigestSection.WATCH,
              45,
              ":speech_balloon: " + AskMessages.conversationsWaiting(waiting),
              null,
              null));
    }
    return items;
  }
}
