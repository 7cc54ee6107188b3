package dev.cosbot.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.support.Json;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The modal's parsing and validation, and the reminder's blocks, without Quarkus. */
class CadenceFormAndBlocksTest {

  static Map<String, String> valid() {
    Map<String, String> v = new HashMap<>();
    v.put(CadenceIds.B_NAME, "Monthly all-hands");
    v.put(CadenceIds.B_KIND, "MONTHLY_FIRST_WEEKDAY");
    v.put(CadenceIds.B_START, "2027-02-01");
    v.put(CadenceIds.B_TIME, "16:30");
    v.put(CadenceIds.B_ZONE, "America/New_York");
    v.put(CadenceIds.B_PEOPLE, "U0ANA U0BEN");
    v.put(CadenceIds.B_LEADS, "14d, 1h");
    v.put(CadenceIds.B_CHECKLIST, "Agenda | @ana | 3d\n\nSlides — <@U0BEN|ben> — 1d");
    return v;
  }

  @Test
  void aValidFormBecomesADraft() {
    CadenceForm.Result r =
        CadenceForm.parse(valid(), "U0ADMIN", n -> n.equals("ana") ? "U0ANA" : null);
    assertThat(r.errors()).isEmpty();
    CadenceDraft d = r.draft();
    assertThat(d.rrule()).isEqualTo("FREQ=MONTHLY;BYDAY=1MO");
    assertThat(d.start()).isEqualTo(LocalDateTime.parse("2027-02-01T16:30"));
    assertThat(d.ownerId()).isEqualTo("U0ADMIN");
    assertThat(d.channelId()).isNull();
    assertThat(d.people()).containsExactly("U0ANA", "U0BEN");
    assertThat(d.leads()).containsExactly(20160, 60);
    assertThat(d.tasks())
        .containsExactly(
            new CadenceDraft.Task("Agenda", "U0ANA", 4320),
            new CadenceDraft.Task("Slides", "U0BEN", 1440));
  }

  @Test
  void aCustomRuleOverridesTheKind() {
    Map<String, String> v = valid();
    v.put(CadenceIds.B_RRULE, "rrule:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
    assertThat(CadenceForm.parse(v, "U0ADMIN", n -> "U0ANA").draft().rrule())
        .isEqualTo("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");
    v.put(CadenceIds.B_RRULE, "FREQ=SOMETIMES");
    assertThat(CadenceForm.parse(v, "U0ADMIN", n -> "U0ANA").errors())
        .containsKey(CadenceIds.B_RRULE);
    // Readable, but more than once a day: said so, not "can't read".
    v.put(CadenceIds.B_RRULE, "FREQ=HOURLY");
    assertThat(CadenceForm.parse(v, "U0ADMIN", n -> "U0ANA").errors())
        .containsEntry(CadenceIds.B_RRULE, CadenceBlocks.CUSTOM_RULE_TOO_OFTEN);
    v.put(CadenceIds.B_RRULE, "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9,17");
    assertThat(CadenceForm.parse(v, "U0ADMIN", n -> "U0ANA").errors())
        .containsEntry(CadenceIds.B_RRULE, CadenceBlocks.CUSTOM_RULE_TOO_OFTEN);
  }

  @Test
  void everyProblemIsReportedOnItsField() {
    Map<String, String> v = new HashMap<>();
    v.put(CadenceIds.B_CHECKLIST, "just a title");
    v.put(CadenceIds.B_LEADS, "100d");
    CadenceForm.Result r = CadenceForm.parse(v, "U0ADMIN", n -> null);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors())
        .containsKeys(
            CadenceIds.B_NAME,
            CadenceIds.B_START,
            CadenceIds.B_TIME,
            CadenceIds.B_ZONE,
            CadenceIds.B_KIND,
            CadenceIds.B_CHANNEL,
            CadenceIds.B_LEADS,
            CadenceIds.B_CHECKLIST);
    assertThat(r.errors().get(CadenceIds.B_LEADS)).contains("at most 90 days");
  }

  @Test
  void aReminderWithAFullChecklistStaysWithinBlockKitLimitsAndEscapesUserText() {
    Cadence c = new Cadence();
    c.id = 7L;
    c.name = "<!channel> staff";
    c.rrule = "FREQ=WEEKLY;BYDAY=TU";
    c.startsLocal = LocalDateTime.parse("2027-01-05T10:00");
    c.timeZone = "Europe/Berlin";
    c.ownerId = "U0OWNER";
    c.message = "Numbers please <https://evil.example|click>";
    Instant at = Instant.parse("2027-01-05T09:00:00Z");
    List<Occurrence.TaskState> tasks = new ArrayList<>();
    for (int i = 0; i < CadenceForm.MAX_TASKS; i++) {
      CadenceTask t = new CadenceTask();
      t.id = (long) i;
      t.title = "Task <" + i + ">";
      t.driId = "U0DRI" + i;
      t.dueMinutes = 60;
      tasks.add(new Occurrence.TaskState(t, at.minusSeconds(3600), i == 0 ? "U0DRI0" : null));
    }
    CadenceBlocks.Message m =
        CadenceBlocks.reminder(
            new Occurrence(c, at, tasks),
            1440,
            at.minusSeconds(86_000),
            at.minusSeconds(80_000),
            dev.cosbot.platform.support.SignedMetadata.withSecret("test"));
    List<LayoutBlock> blocks = m.blocks();
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    String json = Json.toSlackJson(blocks);
    assertThat(json).doesNotContain("<!channel>").doesNotContain("<https://evil");
    assertThat(json)
        .contains("1/15 ready")
        .contains("Posted late")
        .contains("7|1799139600|3")
        .contains("Undo")
        .contains("Mark done");
    assertThat(m.text()).doesNotContain("<!channel>");
    // The time is shown once, as a date token; the schedule next to it says only how it repeats.
    assertThat(json).contains("· Every Tuesday\"").doesNotContain("Every Tuesday at");
    assertThat(json.split("!date\\^1799139600\\^", -1)).hasSize(2);
  }
}
