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
        String series = "Question " + (q.index() + 1);
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
    var plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    plot.setDomainGridlinesVisible(false);
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
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
   * The heatmap of a closed round's breakdown: one row per team that may be shown, one column per
   * scored question, each cell coloured by its score on the question's own scale (1–5 means, eNPS
   * −100…+100) and labelled with the figure. A white card with dark text, readable on Slack's light
   * and dark themes alike. Null when no team may be shown.
   */
  public static byte[] heatmap(
      String title, List<Question> questions, PulseStats.Breakdown breakdown) {
    List<Integer> columns = new java.util.ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).type().scored()) {
        int index = i;
        if (breakdown.shown().stream().anyMatch(sl -> sl.cell(index) != null)) {
          columns.add(i);
        }
      }
    }
    if (breakdown.shown().isEmpty() || columns.isEmpty()) {
      return null;
    }
    int rowLabel = 220;
    int cellW = 120;
    int cellH = 44;
    int top = 70;
    int width = Math.max(480, rowLabel + cellW * columns.size() + 30);
    int height = top + cellH * breakdown.shown().size() + 60;
    return card(
        width,
        height,
        dev.cosbot.platform.support.SlackText.cut(title, 60),
        30,
        g -> {
          g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
          for (int c = 0; c < columns.size(); c++) {
            Question q = questions.get(columns.get(c));
            String label =
                "Question "
                    + (columns.get(c) + 1)
                    + (q.type() == QuestionType.ENPS ? " (eNPS)" : "");
            g.drawString(label, rowLabel + c * cellW + 10, top - 10);
          }
          for (int r = 0; r < breakdown.shown().size(); r++) {
            PulseStats.SliceResult slice = breakdown.shown().get(r);
            int y = top + r * cellH;
            g.setColor(INK);
            g.drawString(
                dev.cosbot.platform.support.SlackText.cut(slice.name(), 28), 20, y + cellH / 2 + 5);
            for (int c = 0; c < columns.size(); c++) {
              PulseStats.Cell cell = slice.cell(columns.get(c));
              int x = rowLabel + c * cellW;
              if (cell == null) {
                g.setColor(new Color(0xEE, 0xEE, 0xEE));
                g.fillRoundRect(x + 2, y + 2, cellW - 4, cellH - 4, 8, 8);
                g.setColor(MUTED);
                g.drawString("—", x + cellW / 2 - 5, y + cellH / 2 + 5);
                continue;
              }
              Question q = questions.get(columns.get(c));
              double score =
                  q.type() == QuestionType.ENPS
                      ? (cell.enps() + 100) / 200.0
                      : (cell.mean() - 1) / 4.0;
              g.setColor(shade(score));
              g.fillRoundRect(x + 2, y + 2, cellW - 4, cellH - 4, 8, 8);
              g.setColor(score > 0.6 || score < 0.2 ? Color.WHITE : INK);
              String figure =
                  q.type() == QuestionType.ENPS
                      ? String.format(java.util.Locale.ROOT, "%+d", cell.enps())
                      : String.format(java.util.Locale.ROOT, "%.1f", cell.mean());
              g.drawString(figure, x + cellW / 2 - 12, y + cellH / 2 + 5);
            }
          }
          g.setColor(MUTED);
          String note = PulseBlocks.heatmapNote(breakdown.hidden());
          g.drawString(note, 20, height - 20);
        });
  }

  /**
   * How a round's answers spread, question by question (horizontal bars with counts and shares):
   * says something from the very first round. Free text and hidden questions are left out.
   */
  public static byte[] distributions(String title, PulseStats.RoundResult result) {
    List<PulseStats.QuestionResult> shown =
        result.questions().stream()
            .filter(q -> q.visible() && q.question().type() != QuestionType.TEXT)
            .toList();
    int width = 900;
    int labelW = 230;
    int barMax = width - labelW - 140;
    int rowH = 22;
    int height = 60;
    for (PulseStats.QuestionResult q : shown) {
      height += 40 + rowH * rows(q) + 16;
    }
    height = Math.max(height, 140);
    return card(
        width,
        height,
        dev.cosbot.platform.support.SlackText.cut(title, 80),
        32,
        g -> {
          var plain = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13);
          var bold = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13);
          int y = 60;
          if (shown.isEmpty()) {
            g.setFont(plain);
            g.setColor(MUTED);
            g.drawString(PulseBlocks.ONLY_COMMENTS, 20, y + 20);
          }
          for (PulseStats.QuestionResult q : shown) {
            g.setFont(bold);
            g.setColor(INK);
            g.drawString(
                dev.cosbot.platform.support.SlackText.cut(
                    (q.index() + 1) + ". " + q.question().text(), 95),
                20,
                y + 20);
            y += 34;
            long max = 1;
            for (long c : q.counts()) {
              max = Math.max(max, c);
            }
            g.setFont(plain);
            int from = q.question().type() == QuestionType.LIKERT ? 1 : 0;
            for (int v = from; v < q.counts().length; v++) {
              String label =
                  switch (q.question().type()) {
                    case LIKERT -> PulseBlocks.LIKERT_LABELS[v];
                    case ENPS -> String.valueOf(v);
                    default -> q.question().options().get(v);
                  };
              g.setColor(INK);
              g.drawString(dev.cosbot.platform.support.SlackText.cut(label, 30), 30, y + 15);
              int w = (int) Math.round((double) barMax * q.counts()[v] / max);
              g.setColor(new Color(0xE8, 0xEE, 0xF4));
              g.fillRoundRect(labelW, y + 3, barMax, rowH - 6, 6, 6);
              g.setColor(barColour(q.question().type(), v));
              if (w > 0) {
                g.fillRoundRect(labelW, y + 3, Math.max(w, 6), rowH - 6, 6, 6);
              }
              g.setColor(MUTED);
              long pct = q.answered() == 0 ? 0 : Math.round(100.0 * q.counts()[v] / q.answered());
              g.drawString(q.counts()[v] + " (" + pct + "%)", labelW + barMax + 10, y + 15);
              y += rowH;
            }
            y += 16;
          }
        });
  }

  /**
   * A white card with dark text (readable on Slack's light and dark themes alike) and its title,
   * drawn on by {@code body}, as PNG bytes.
   */
  private static byte[] card(
      int width,
      int height,
      String title,
      int titleY,
      java.util.function.Consumer<java.awt.Graphics2D> body) {
    var image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    try {
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
          java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(INK);
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16));
      g.drawString(title, 20, titleY);
      body.accept(g);
    } finally {
      g.dispose();
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int rows(PulseStats.QuestionResult q) {
    return q.question().type() == QuestionType.LIKERT ? 5 : q.counts().length;
  }

  /** eNPS bars by group (detractor, passive, promoter), 1–5 bars by score, choices in one blue. */
  private static Color barColour(QuestionType type, int value) {
    return switch (type) {
      case ENPS -> value <= 6 ? shade(0.1) : value <= 8 ? shade(0.5) : shade(0.9);
      case LIKERT -> shade((value - 1) / 4.0);
      default -> new Color(0x36, 0x6F, 0xB5);
    };
  }

  private static final Color INK = new Color(0x1D, 0x1C, 0x1D);
  private static final Color MUTED = new Color(0x61, 0x60, 0x61);

  /** Red (low) through amber to green (high), muted enough for a dark theme around the card. */
  private static Color shade(double score) {
    double t = Math.max(0, Math.min(1, score));
    Color low = new Color(0xC0, 0x39, 0x2B);
    Color mid = new Color(0xF2, 0xC1, 0x4E);
    Color high = new Color(0x2E, 0x8B, 0x57);
    Color a = t < 0.5 ? low : mid;
    Color b = t < 0.5 ? mid : high;
    double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
  }

  /** One image of an upload. */
  record Image(String filename, String title, byte[] png) {}

  /**
   * What to upload for a round, or null when it is not ours to upload (already done, or below k).
   */
  record Upload(String owner, String title, List<Image> images) {}

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
    List<Image> images = new java.util.ArrayList<>();
    String title = dev.cosbot.platform.support.SlackText.cut(survey.title, 200);
    // From round one: how the answers spread; from round two also the trend across rounds.
    images.add(
        new Image(
            "pulse-answers-" + roundId + ".png",
            title + " — answers, round " + round.seq,
            distributions(
                survey.title + " — round " + round.seq, history.get(history.size() - 1))));
    if (history.stream().filter(PulseStats.RoundResult::visible).count() >= 2) {
      images.add(
          new Image(
              "pulse-trend-" + roundId + ".png",
              title + " — trend",
              render(survey.title + " — trend", survey.questionList(), history)));
    }
    byte[] heatmap =
        heatmap(survey.title + " — by team", survey.questionList(), service.breakdown(round));
    if (heatmap != null) {
      images.add(
          new Image(
              "pulse-teams-" + roundId + ".png",
              dev.cosbot.platform.support.SlackText.cut(survey.title, 200) + " — by team",
              heatmap));
    }
    return new Upload(survey.createdBy, survey.title, List.copyOf(images));
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
        PulseIds.chartTimer(roundId),
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
      com.google.gson.JsonArray files = new com.google.gson.JsonArray();
      for (Image image : upload.images()) {
        com.google.gson.JsonObject url =
            ok(
                client.form(
                    "files.getUploadURLExternal",
                    "filename",
                    image.filename(),
                    "length",
                    String.valueOf(image.png().length)));
        ok(client.upload(url.get("upload_url").getAsString(), image.png(), "image/png"));
        com.google.gson.JsonObject file = new com.google.gson.JsonObject();
        file.addProperty("id", url.get("file_id").getAsString());
        file.addProperty("title", image.title());
        files.add(file);
      }
      ok(
          client.form(
              "files.completeUploadExternal",
              "files",
              files.toString(),
              "channel_id",
              channel,
              "initial_comment",
              PulseBlocks.chartComment(
                  upload.images().size(),
                  upload.images().stream().anyMatch(i -> i.filename().startsWith("pulse-trend")),
                  upload.images().stream().anyMatch(i -> i.filename().startsWith("pulse-teams")))));
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
