package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.slack.ChannelMembership;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The share-report form: the person must be in the channel (a private one only once the bot was
 * invited); the report goes there through the outbox and the person is told where it went.
 */
@ApplicationScoped
public class StatusShareReportSubmitHandler implements ViewSubmissionHandler {
  @Inject SignedMetadata signer;
  @Inject ChannelMembership membership;
  @Inject StatusReports reports;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Clicker clicker = Clicker.of(req);
    var view = req.getPayload().getView();
    Optional<ReportScope> scope =
        signer.verify(view.getPrivateMetadata()).flatMap(ReportScope::decode);
    if (scope.isEmpty()) {
      return ctx.ackWithErrors(Map.of(StatusIds.SHARE_CHANNEL, StatusMessages.REPORT_GONE));
    }
    String channel = ModalState.of(view).conversation(StatusIds.SHARE_CHANNEL);
    if (channel == null) {
      return ctx.ackWithErrors(Map.of(StatusIds.SHARE_CHANNEL, StatusMessages.CHOOSE_CHANNEL));
    }
    // Slack is asked before any transaction opens; no answer means the bot can't see the channel.
    Optional<Boolean> member = membership.isMember(channel, clicker.userId());
    if (member.isEmpty()) {
      return ctx.ackWithErrors(Map.of(StatusIds.SHARE_CHANNEL, StatusMessages.INVITE_ME));
    }
    if (!member.get()) {
      return ctx.ackWithErrors(Map.of(StatusIds.SHARE_CHANNEL, StatusMessages.NOT_IN_CHANNEL));
    }
    reports.share(scope.get(), channel, clicker.userId(), clicker.actionTs());
    return ctx.ack();
  }
}
