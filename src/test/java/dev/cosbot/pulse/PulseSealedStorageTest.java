package dev.cosbot.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.testsupport.DatabaseFiles;
import dev.cosbot.testsupport.SlackTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sealed until close, read as an attacker holding the database files would: every table file and
 * WAL segment of the test database, as bytes, after a checkpoint and a WAL switch.
 */
@QuarkusTest
class PulseSealedStorageTest extends SlackTestBase {
  private static final int PEOPLE = 6;
  private static final int RUNS = 5;
  private static final Pattern INDEX = Pattern.compile("-(\\d+)-end");

  @Inject PulseService service;

  @Test
  void aFreeTextAnswerIsInNoDatabaseFileBeforeCloseAndStoredInRandomOrderAfter() throws Exception {
    List<List<Integer>> orders = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      String marker = "sealed-marker-" + UUID.randomUUID();
      List<String> people = IntStream.rangeClosed(1, PEOPLE).mapToObj(i -> "U0SL" + i).toList();
      String group = "S0SEAL" + run;
      String title = "Sealed storage " + run;
      PulseFlows.stubUsergroup(slack, group, people, "U0SLBOT", "U0SLGONE");
      PulseFlows.submitNewSurvey(
              "U0ADMIN", PulseFlows.newSurveyValues(title, "enps", null, group, true, 5))
          .then()
          .statusCode(200);
      long surveyId = scalar("SELECT id FROM pulse_survey WHERE title = '" + title + "'");
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> scalar("SELECT count(*) FROM pulse_round WHERE survey_id = " + surveyId) == 1);
      long roundId = scalar("SELECT id FROM pulse_round WHERE survey_id = " + surveyId);
      awaitCalls("chat.postMessage", title, PEOPLE);

      // Answered in a known order: person i writes marker-i.
      for (int i = 0; i < PEOPLE; i++) {
        PulseFlows.answer(
                people.get(i),
                roundId,
                PulseFlows.option(0, i),
                PulseFlows.text(1, marker + "-" + i + "-end"))
            .then()
            .statusCode(200);
      }
      if (run < 2) {
        assertThat(DatabaseFiles.containing(dataSource, marker))
            .as("before close the free text is in no table file or WAL segment")
            .isEmpty();
      }

      assertThat(service.close(roundId)).isTrue();
      if (run < 2) {
        assertThat(DatabaseFiles.containing(dataSource, marker))
            .as("after close the opened answers are stored")
            .isNotEmpty();
      }
      orders.add(storedOrder(roundId));
    }

    List<Integer> answeringOrder = IntStream.range(0, PEOPLE).boxed().toList();
    for (List<Integer> order : orders) {
      assertThat(order).containsExactlyInAnyOrderElementsOf(answeringOrder);
    }
    // With 6 answers a random order equals the answering order once in 720 runs.
    assertThat(orders.stream().filter(answeringOrder::equals).count())
        .as("stored order follows the answering order")
        .isLessThanOrEqualTo(1);
    assertThat(new HashSet<>(orders))
        .as("every run stores its own random order")
        .hasSizeGreaterThan(1);
  }

  /** The person indexes of a round's answers in physical (heap) order. */
  private List<Integer> storedOrder(long roundId) throws Exception {
    List<Integer> order = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT answers FROM pulse_answer WHERE round_id = "
                    + roundId
                    + " ORDER BY ctid")) {
      while (rs.next()) {
        Matcher m = INDEX.matcher(rs.getString(1));
        assertThat(m.find()).isTrue();
        order.add(Integer.parseInt(m.group(1)));
      }
    }
    return order;
  }
}
