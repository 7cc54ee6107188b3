package dev.cosbot.ingress.api;

import dev.cosbot.platform.outbox.OutboxMessage;
import dev.cosbot.platform.outbox.OutboxStatus;
import dev.cosbot.platform.outbox.OutboxStore;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin view of the outbox: how much is waiting, what failed and why; requeue failed messages. */
@Path("/api/v1/outbox")
@Tag(name = AdminApiDocument.OUTBOX)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {
  @Inject OutboxStore store;
  @Inject java.time.Clock clock;

  /** One failed message, without its content. */
  public record DeadLetter(
      long id, String method, String channel, String error, int attempts, Instant createdAt) {}

  public record Summary(
      long pending, long sending, long sent, long dead, List<DeadLetter> deadLetters) {}

  @GET
  @Transactional
  @Operation(
      summary = "Count queued, sending, sent and dead-lettered messages",
      description = "The 100 newest dead letters with Slack's error, never their content.")
  public Summary summary() throws Exception {
    List<DeadLetter> dead =
        OutboxMessage.deadLetters(100).stream()
            .map(
                m ->
                    new DeadLetter(m.id, m.method, m.channel, m.lastError, m.attempts, m.createdAt))
            .toList();
    return new Summary(
        store.count(OutboxStatus.PENDING),
        store.count(OutboxStatus.SENDING),
        store.count(OutboxStatus.SENT),
        store.count(OutboxStatus.DEAD),
        dead);
  }

  @POST
  @Path("/retry-dead")
  @Operation(
      summary = "Requeue dead letters that are still useful",
      description = "Expired ones (a reminder for a past event) are counted, not sent late.")
  public Map<String, Integer> retryDead() throws Exception {
    OutboxStore.Requeued r = store.requeueDead(clock.instant());
    return Map.of("requeued", r.requeued(), "expired", r.expired());
  }
}
