package dev.cosbot.ask;

import dev.cosbot.platform.anonymity.Sealed;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.AnonymousSubject;
import dev.cosbot.platform.spi.AnonymousSubjects;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anonymous two-way conversations. The Chief of Staff's side (their DMs, the conversation rows)
 * never holds the writer's id: the writer is reached through a sealed handle, and their messages
 * arrive as sealed notes they open themselves. All state is in the database, so a conversation
 * carries on across restarts and replicas.
 */
@ApplicationScoped
@Transactional
public class AskConversations {
  /** Longest message. */
  public static final int MAX_TEXT = 2_000;

  @Inject Sealed sealed;
  @Inject Outbox outbox;
  @Inject AskNotices notices;
  @Inject Instance<AnonymousSubjects> subjects;
  @Inject Clock clock;

  /** A conversation with its messages, for one of its two sides. */
  public record Thread(AskConversation conversation, List<AskConversationMessage> messages) {}

  /** Pulse comments (and other features' anonymous texts) a Chief of Staff may reply to. */
  public List<AnonymousSubject> replyable(int limit) {
    List<AnonymousSubject> out = new ArrayList<>();
    subjects.forEach(s -> out.addAll(s.replyable(limit)));
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  /** A Chief of Staff writes to the anonymous asker of question {@code id}. */
  public AskConversation startFromQuestion(Caller cos, long id, String text) {
    cos.requireAdmin();
    AskQuestion q = AskQuestion.findById(id);
    if (q == null || !q.anonymous()) {
      throw new UserFacingException(AskMessages.GONE);
    }
    String writer =
        sealed
            .open(Sealed.REPLY_HANDLE, q.replyHandle)
            .orElseThrow(() -> new UserFacingException(AskMessages.UNREACHABLE));
    return start(cos, AskMessages.QUESTION_SOURCE, q.text, writer, text);
  }

  /** A Chief of Staff writes to the anonymous writer of another feature's text ({@code ref}). */
  public AskConversation startFromSubject(Caller cos, String ref, String text) {
    cos.requireAdmin();
    for (AnonymousSubjects s : subjects) {
      Optional<AnonymousSubjects.Handle> h = s.handle(ref);
      if (h.isPresent()) {
        String writer =
            sealed
                .openToken(Sealed.REPLY_HANDLE, h.get().sealedHandle())
                .orElseThrow(() -> new UserFacingException(AskMessages.UNREACHABLE));
        return start(cos, h.get().subject().source(), h.get().subject().text(), writer, text);
      }
    }
    throw new UserFacingException(AskMessages.SUBJECT_GONE);
  }

  private AskConversation start(
      Caller cos, String source, String subject, String writer, String text) {
    AskConversation c = new AskConversation();
    c.source = AskBlocks.cut(source, 200);
    c.subject = AskBlocks.cut(subject, 1_000);
    // Sealed afresh: the bytes differ from the question's or the answer's handle.
    c.replyHandle = sealed.seal(Sealed.REPLY_HANDLE, writer);
    c.startedBy = cos.userId();
    c.status = AskConversation.OPEN;
    c.waitingFor = AskConversation.WRITER;
    c.createdAt = clock.instant();
    c.persist();
    AskConversationMessage m = add(c, cos.userId(), text);
    tellWriter(c, m, writer);
    return c;
  }

  /** A Chief of Staff replies in conversation {@code id}. */
  public AskConversation cosReply(Caller cos, long id, String text) {
    cos.requireAdmin();
    AskConversation c = openConversation(id);
    String writer =
        sealed
            .open(Sealed.REPLY_HANDLE, c.replyHandle)
            .orElseThrow(() -> new UserFacingException(AskMessages.UNREACHABLE));
    c.waitingFor = AskConversation.WRITER;
    AskConversationMessage m = add(c, cos.userId(), text);
    tellWriter(c, m, writer);
    return c;
  }

  /**
   * The conversation a sealed note opens, for its writer only; empty for anybody else, a forged
   * token or a note that is not about a conversation.
   */
  public Optional<Thread> forWriter(String userId, String token) {
    Optional<String> opened = sealed.openToken(AskIds.Purposes.NOTE, token);
    if (opened.isEmpty() || !opened.get().startsWith("c:")) {
      return Optional.empty();
    }
    long id;
    try {
      id = Long.parseLong(opened.get().split(":")[1]);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return writerThread(userId, id);
  }

  /** Conversation {@code id} if {@code userId} is its anonymous writer. */
  public Optional<Thread> writerThread(String userId, long id) {
    AskConversation c = AskConversation.findById(id);
    if (c == null || !isWriter(c, userId)) {
      return Optional.empty();
    }
    return Optional.of(new Thread(c, c.messages()));
  }

  /** Conversation {@code id} for a Chief of Staff. */
  public Thread forCos(Caller cos, long id) {
    cos.requireAdmin();
    AskConversation c = AskConversation.findById(id);
    if (c == null) {
      throw new UserFacingException(AskMessages.CONVERSATION_GONE);
    }
    return new Thread(c, c.messages());
  }

  /**
   * The writer answers (and/or closes the conversation); the Chief of Staff who started it is told.
   */
  public AskConversation writerReply(String userId, long id, String text, boolean close) {
    AskConversation c = AskConversation.findById(id);
    if (c == null || !isWriter(c, userId)) {
      throw new UserFacingException(AskMessages.NOT_YOURS);
    }
    if (!c.open()) {
      throw new UserFacingException(AskMessages.CONVERSATION_CLOSED);
    }
    AskConversationMessage m = null;
    if (text != null && !text.isBlank()) {
      m = add(c, null, text);
      c.waitingFor = AskConversation.COS;
    }
    if (close) {
      c.status = AskConversation.CLOSED;
    }
    outbox.enqueue(notices.conversationToCos(c, m));
    return c;
  }

  /** Open conversations where the writer answered and no Chief of Staff replied yet. */
  public long waitingForCos() {
    return AskConversation.waitingForCos();
  }

  private AskConversation openConversation(long id) {
    AskConversation c = AskConversation.findById(id);
    if (c == null) {
      throw new UserFacingException(AskMessages.CONVERSATION_GONE);
    }
    if (!c.open()) {
      throw new UserFacingException(AskMessages.CONVERSATION_CLOSED);
    }
    return c;
  }

  private AskConversationMessage add(AskConversation c, String author, String text) {
    AskConversationMessage m = new AskConversationMessage();
    m.conversationId = c.id;
    m.fromCos = author != null;
    m.authorId = author;
    m.text = AskBlocks.cut(text.strip(), MAX_TEXT);
    m.createdAt = clock.instant();
    m.persist();
    return m;
  }

  private boolean isWriter(AskConversation c, String userId) {
    return sealed.open(Sealed.REPLY_HANDLE, c.replyHandle).filter(userId::equals).isPresent();
  }

  /** A sealed note: the outbox row names the writer and holds an opaque token only. */
  private void tellWriter(AskConversation c, AskConversationMessage m, String writer) {
    String token = sealed.sealToken(AskIds.Purposes.NOTE, "c:" + c.id + ":" + m.id);
    String key =
        AskIds.noteKey(
            sealed
                .hash(AskIds.Purposes.NOTE_KEY, "c" + c.id, String.valueOf(m.id), writer)
                .substring(0, 40));
    outbox.enqueue(notices.conversationNote(key, writer, token));
  }
}
