package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cosbot.testsupport.TestClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/**
 * A closed pulse round broken down by team, walked through Slack as people do it (the new-survey
 * form with its team picker, the DM's button, the answer modal, the close timer at its test-clock
 * time): for tests outside the pulse package that show what a round leaves behind (the dashboard).
 */
public final class PulseTeamRounds {
  private PulseTeamRounds() {}

  /**
   * An anonymous "team health" survey of {@code title} at minimum {@code k} answers, asked of every
   * member of {@code teams} (group id → members, in order) by {@code admin}; everyone answers, the
   * people of the i-th team with score 5 − i. Returns the closed round's id.
   */
  public static long closedRound(
      WireMockServer slack,
      DataSource db,
      TestClock clock,
      Scheduler quartz,
      String admin,
      String title,
      LinkedHashMap<String, List<String>> teams,
      int k)
      throws Exception {
    Round round = open(slack, db, admin, title, teams, k);
    int team = 0;
    for (List<String> members : teams.values()) {
      int score = Math.max(1, 5 - team++);
      for (String person : members) {
        round.answer(person, score);
      }
    }
    int everyone = round.dms().size();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                scalar(db, "SELECT count(*) FROM pulse_sealed WHERE round_id = " + round.id())
                    == everyone);
    close(db, clock, quartz, round.id());
    return round.id();
  }

  /** An open round and the survey DM each person received (JSON text). */
  public record Round(long id, Map<String, String> dms) {
    /**
     * The person presses the DM's button and submits the answer modal, every answer {@code score}.
     */
    public void answer(String person, int score) {
      PulseFlows.takeAndAnswerAll(person, dms.get(person), id, score);
    }
  }

  /** Creates the survey through the form and waits for everyone's DM; nobody has answered yet. */
  public static Round open(
      WireMockServer slack,
      DataSource db,
      String admin,
      String title,
      LinkedHashMap<String, List<String>> teams,
      int k)
      throws Exception {
    List<String> everyone = teams.values().stream().flatMap(List::stream).toList();
    String all = "S0ALL" + Math.abs(title.hashCode() % 10000);
    PulseFlows.stubUsergroup(slack, all, everyone, all + "BOT", all + "GONE");
    List<String> groups = new ArrayList<>(teams.keySet());
    List<String> labels = new ArrayList<>();
    teams.forEach(
        (group, members) -> {
          PulseFlows.stubGroupMembers(slack, group, members);
          labels.add("@" + group.toLowerCase() + " (team " + group.toLowerCase() + ")");
        });
    String values = PulseFlows.newSurveyValues(title, "team_health", null, all, true, k);
    values =
        values.substring(0, values.length() - 1) + "," + PulseFlows.slices(groups, labels) + "}";
    PulseFlows.submitNewSurvey(admin, values).then().statusCode(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                scalar(
                        db,
                        "SELECT count(*) FROM pulse_round r JOIN pulse_survey s ON s.id = r.survey_id"
                            + " WHERE s.title = '"
                            + title.replace("'", "''")
                            + "'")
                    == 1);
    long roundId =
        scalar(
            db,
            "SELECT r.id FROM pulse_round r JOIN pulse_survey s ON s.id = r.survey_id WHERE s.title = '"
                + title.replace("'", "''")
                + "'");
    Map<String, String> dms = new LinkedHashMap<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (ServeEvent e : slack.getAllServeEvents()) {
                String body = e.getRequest().getBodyAsString();
                if (e.getRequest().getUrl().endsWith("/api/chat.postMessage")
                    && body.contains("Pulse survey: " + title)) {
                  for (String person : everyone) {
                    if (body.contains("\"channel\":\"" + person + "\"")) {
                      dms.put(person, body);
                    }
                  }
                }
              }
              return dms.size() == everyone.size();
            });
    return new Round(roundId, Map.copyOf(dms));
  }

  /** The round's close timer fires at its own time on the test clock. */
  public static void close(DataSource db, TestClock clock, Scheduler quartz, long roundId)
      throws Exception {
    var triggers =
        quartz.getTriggersOfJob(JobKey.jobKey("close:" + roundId, PulseService.TIMER_GROUP));
    assertThat(triggers).as("the close timer of round %s", roundId).hasSize(1);
    Instant closesAt = triggers.get(0).getNextFireTime().toInstant();
    clock.setTo(closesAt.plusSeconds(1));
    quartz.triggerJob(JobKey.jobKey("close:" + roundId, PulseService.TIMER_GROUP));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                scalar(db, "SELECT count(*) FROM pulse_round WHERE closed AND id = " + roundId)
                    == 1);
  }

  private static long scalar(DataSource db, String sql) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
