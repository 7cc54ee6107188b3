package dev.cosbot.pulse;

import dev.cosbot.platform.slack.SlackSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The trend chart of a survey across rounds, rendered server-side (JFreeChart, headless) and
 * uploaded to the owner's DM with files.getUploadURLExternal → upload →
 * files.completeUploadExternal. Only rounds that met k are plotted.
 */
@ApplicationScoped
public class PulseCharts {
  private static final Logger LOG = Logger.getLogger(PulseCharts.class);

  @Inject PulseService service;
  @Inject dev.cosbot.platform.slack.SlackClient client;
  @Inject SlackSettings settings;
  @Inject EntityManager em;
  @Inject dev.cosbot.platform.scheduler.Schedules schedules;
  @Inject java.time.Clock clock;

  /**
   * Waits before the 2nd, 3rd and 4th upload attempts; after the 4th the chart is given up
   * (FAILED).
   */
  private static final List<java.time.Duration> RETRY_AFTER =
      List.of(
          java.time.Duration.ofMinutes(1),
          java.time.Duration.ofMinutes(5),
          java.time.Duration.ofMinutes(30));

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /**
   * The chart as PNG: eNPS per round if the survey has an eNPS question, else each 1–5 question's
   * mean.
   */
  public static byte[] render(
      String title, List<Question> questions, List<PulseStats.RoundResult> rounds) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    boolean enps = questions.stream().anyMatch(q -> q.type() == QuestionType.ENPS);
    for (PulseStats.RoundResult r : rounds) {
      if (!r.visible()) {
        continue;
      }
      for (PulseStats.QuestionResult q : r.questions()) {
        if (!q.visible()) {
          continue;
        }
        String series = "Q" + (q.index() + 1);
        if (enps && q.enps() != null) {
          data.addValue(q.enps(), "eNPS", "Round " + r.seq());
        } else if (!enps && q.mean() != null) {
          data.addValue(q.mean(), series, "Round " + r.seq());
        }
      }
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            title,
            "",
            enps ? "eNPS" : "Mean (1–5)",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    var renderer = chart.getCategoryPlot().getRenderer();
    for (int i = 0; i < data.getRowCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2.5f));
    }
    if (enps) {
      chart.getCategoryPlot().getRangeAxis().setRange(-100, 100);
    } else {
      chart.getCategoryPlot().getRangeAxis().setRange(1, 5);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, 800, 400);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What to upload for a round, or null when it is not ours to upload (already done, or below k).
   */
  record Upload(String owner, String title, byte[] png) {}

  @Transactional
  Upload claim(long roundId) {
    int claimed =
        em.createNativeQuery(
                "INSERT INTO pulse_chart (round_id, status) VALUES (?1, 'UPLOADING') ON CONFLICT DO NOTHING")
            .setParameter(1, roundId)
            .executeUpdate();
    if (claimed == 0) {
      return null;
    }
    PulseRound round = PulseRound.findById(roundId);
    PulseSurvey survey = PulseSurvey.findById(round.surveyId);
    List<PulseStats.RoundResult> history =
        service.history(survey).stream().filter(r -> r.seq() <= round.seq).toList();
    if (history.isEmpty() || !history.get(history.size() - 1).visible()) {
      return null;
    }
    return new Upload(
        survey.createdBy,
        survey.title,
        render(survey.title + " — trend", survey.questionList(), history));
  }

  @Transactional
  void release(long roundId) {
    em.createNativeQuery("DELETE FROM pulse_chart WHERE round_id = ?1 AND status = 'UPLOADING'")
        .setParameter(1, roundId)
        .executeUpdate();
  }

  /** Schedules the next attempt, or records the chart as FAILED after the last one. */
  @Transactional
  void retryLater(long roundId, int attempt, String reason) {
    if (attempt > RETRY_AFTER.size()) {
      em.createNativeQuery(
              "INSERT INTO pulse_chart (round_id, status) VALUES (?1, 'FAILED')"
                  + " ON CONFLICT (round_id) DO UPDATE SET status = 'FAILED'")
          .setParameter(1, roundId)
          .executeUpdate();
      LOG.warnf("Pulse chart of round %d given up after %d attempts: %s", roundId, attempt, reason);
      return;
    }
    schedules.once(
        PulseService.TIMER_GROUP,
        "chart:" + roundId,
        clock.instant().plus(RETRY_AFTER.get(attempt - 1)),
        PulseJob.class,
        java.util.Map.of(
            PulseJob.ACTION,
            PulseJob.CHART,
            PulseJob.ROUND,
            String.valueOf(roundId),
            PulseJob.ATTEMPT,
            String.valueOf(attempt + 1)));
  }

  @Transactional
  void mark(long roundId, String status) {
    em.createNativeQuery("UPDATE pulse_chart SET status = ?2 WHERE round_id = ?1")
        .setParameter(1, roundId)
        .setParameter(2, status)
        .executeUpdate();
  }

  /**
   * Uploads the chart once per round (the ledger row makes a re-fired job harmless). The upload is
   * three Web API steps with a binary body, so it does not go through the outbox; instead a failed
   * or offline attempt releases its claim and tries again later (1, 5, 30 minutes), then gives up
   * as FAILED. The text results went through the outbox before and are never affected.
   */
  public boolean upload(long roundId, int attempt) {
    if (!client.usable()) {
      retryLater(roundId, attempt, "Slack is not configured");
      return false;
    }
    Upload upload = claim(roundId);
    if (upload == null) {
      return false;
    }
    try {
      String channel =
          ok(client.form("conversations.open", "users", upload.owner()))
              .getAsJsonObject("channel")
              .get("id")
              .getAsString();
      String filename = "pulse-trend-" + roundId + ".png";
      com.google.gson.JsonObject url =
          ok(
              client.form(
                  "files.getUploadURLExternal",
                  "filename",
                  filename,
                  "length",
                  String.valueOf(upload.png().length)));
      ok(client.upload(url.get("upload_url").getAsString(), upload.png(), "image/png"));
      com.google.gson.JsonObject file = new com.google.gson.JsonObject();
      file.addProperty("id", url.get("file_id").getAsString());
      file.addProperty(
          "title", dev.cosbot.platform.support.SlackText.cut(upload.title(), 200) + " — trend");
      com.google.gson.JsonArray files = new com.google.gson.JsonArray();
      files.add(file);
      ok(
          client.form(
              "files.completeUploadExternal",
              "files",
              files.toString(),
              "channel_id",
              channel,
              "initial_comment",
              "Trend across rounds (only rounds with enough answers are shown)."));
      mark(roundId, "DONE");
      return true;
    } catch (Exception e) {
      LOG.warnf(
          "Pulse chart of round %d not uploaded (attempt %d): %s",
          roundId, attempt, e.getMessage());
      release(roundId);
      retryLater(roundId, attempt, e.getMessage());
      return false;
    }
  }

  /** Slack's answer to one step of the upload, or an IOException naming the failed step. */
  private static com.google.gson.JsonObject ok(dev.cosbot.platform.slack.SlackResult result)
      throws IOException {
    if (result instanceof dev.cosbot.platform.slack.SlackResult.Ok ok) {
      return ok.body();
    }
    throw new IOException(result.code());
  }
}
