package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.AfterAck;
import dev.cosbot.ingress.Answer;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The report's "Share to a channel" button: acked at once; the channel picker opens after. */
@ApplicationScoped
public class StatusShareReportHandler implements BlockActionHandler {
  @Inject AfterAck afterAck;
  @Inject SignedMetadata signer;

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    return afterAck.click(
        req,
        ctx,
        clicker ->
            signer
                .verify(clicker.value())
                .flatMap(ReportScope::decode)
                .map(scope -> Answer.open(StatusBlocks.shareReportModal(clicker.value())))
                .orElse(Answer.say(StatusMessages.REPORT_GONE)));
  }
}
