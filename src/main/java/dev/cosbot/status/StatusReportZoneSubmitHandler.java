package dev.cosbot.status;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.cosbot.ingress.Clicker;
import dev.cosbot.ingress.ModalState;
import dev.cosbot.platform.outbox.Outbox;
import dev.cosbot.platform.outbox.SlackCalls;
import dev.cosbot.platform.people.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/** The report-zone form: a Chief of Staff chooses the zone of channel reports; confirmed by DM. */
@ApplicationScoped
public class StatusReportZoneSubmitHandler implements ViewSubmissionHandler {
  @Inject StatusReports reports;
  @Inject StatusSettings settings;
  @Inject Roles roles;
  @Inject Outbox outbox;

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    Clicker clicker = Clicker.of(req);
    if (!roles.of(clicker.userId()).isAdmin()) {
      return ctx.ackWithErrors(Map.of(StatusIds.REPORT_ZONE, StatusMessages.ONLY_ADMINS));
    }
    String chosen = ModalState.of(req.getPayload().getView()).option(StatusIds.REPORT_ZONE);
    ZoneId zone;
    try {
      zone = ZoneId.of(chosen == null ? "" : chosen);
    } catch (DateTimeException e) {
      return ctx.ackWithErrors(Map.of(StatusIds.REPORT_ZONE, StatusMessages.CHOOSE_ZONE));
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              reports.chooseZone(zone.getId(), clicker.userId());
              outbox.enqueue(
                  SlackCalls.postMessage(
                      StatusKeys.zoneChosen(clicker.userId(), clicker.actionTs()),
                      clicker.userId(),
                      StatusBlocks.reportZoneChosen(
                          zone, settings.reportDay(), settings.reportTime()),
                      null));
            });
    return ctx.ack();
  }
}
