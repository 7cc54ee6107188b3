package dev.cosbot.status;

import com.slack.api.bolt.App;
import dev.cosbot.ingress.SlackListeners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Registers one handler per status form and button. */
@ApplicationScoped
public class StatusListeners implements SlackListeners {
  @Inject StatusInitiativeSubmitHandler initiative;
  @Inject StatusUpdateSubmitHandler update;
  @Inject StatusPostUpdateHandler postUpdate;
  @Inject StatusReportZoneSubmitHandler reportZone;
  @Inject StatusShareReportHandler shareReport;
  @Inject StatusShareReportSubmitHandler shareReportSubmit;
  @Inject StatusAskReplyHandler askReply;
  @Inject StatusAskReplySubmitHandler askReplySubmit;

  @Override
  public void register(App app) {
    app.viewSubmission(StatusIds.INITIATIVE_MODAL, initiative);
    app.viewSubmission(StatusIds.UPDATE_MODAL, update);
    app.blockAction(StatusIds.POST_UPDATE_ACTION, postUpdate);
    app.viewSubmission(StatusIds.REPORT_ZONE_MODAL, reportZone);
    app.blockAction(StatusIds.SHARE_REPORT_ACTION, shareReport);
    app.viewSubmission(StatusIds.SHARE_REPORT_MODAL, shareReportSubmit);
    app.blockAction(StatusIds.ASK_REPLY_ACTION, askReply);
    app.viewSubmission(StatusIds.ASK_REPLY_MODAL, askReplySubmit);
  }
}
