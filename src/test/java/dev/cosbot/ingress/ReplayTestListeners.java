package dev.cosbot.ingress;

import com.slack.api.bolt.App;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** Two test buttons that count their effects: one acks first, one works before its ack. */
@ApplicationScoped
public class ReplayTestListeners implements SlackListeners {
  static final String AFTER_ACK = "test_replay_after_ack";
  static final String BEFORE_ACK = "test_replay_before_ack";
  static final AtomicInteger afterAckEffects = new AtomicInteger();
  static final AtomicInteger beforeAckEffects = new AtomicInteger();

  @Inject AfterAck afterAck;

  @Override
  public void register(App app) {
    app.blockAction(
        AFTER_ACK,
        (req, ctx) ->
            afterAck.ackThen(
                ctx::ack,
                Clicker.of(req),
                () -> {
                  afterAckEffects.incrementAndGet();
                  return Answer.say("Counted.");
                }));
    app.blockAction(
        BEFORE_ACK,
        (req, ctx) -> {
          beforeAckEffects.incrementAndGet();
          return ctx.ack();
        });
  }
}
