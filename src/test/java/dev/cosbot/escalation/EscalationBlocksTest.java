package dev.cosbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.support.Json;
import dev.cosbot.testsupport.HumaneText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Escalation messages: user text escaped, buttons only while actionable, confidential lines hidden.
 */
class EscalationBlocksTest {

  static Escalation sample(boolean confidential) {
    Escalation e = new Escalation();
    e.id = 7L;
    e.title = "Pay <!channel> now <https://evil.example|bank>";
    e.details = "ask <@U0CEO> & <!here>";
    e.severity = Severity.S1;
    e.area = "Security";
    e.link = "https://example.com/x?a=1&b=<2>";
    e.confidential = confidential;
    e.reporter = "U0REP";
    e.ownerUser = "U0OWN";
    e.routeLabel = "rule #1 (area <!channel>)";
    e.status = Escalation.Status.OPEN;
    e.createdAt = Instant.parse("2026-11-27T10:00:00Z");
    return e;
  }

  static final dev.cosbot.platform.support.SignedMetadata SIGNER =
      dev.cosbot.platform.support.SignedMetadata.withSecret("test");

  @Test
  void userTextIsEscaped() {
    String json =
        Json.slack().toJsonTree(EscalationBlocks.card(sample(false), "New", SIGNER))
            + EscalationBlocks.summary(sample(false))
            + Json.slack().toJsonTree(EscalationBlocks.reporterStatus(sample(false)));
    assertThat(json)
        .doesNotContain("<!channel>")
        .doesNotContain("<!here>")
        .doesNotContain("<@U0CEO>")
        .doesNotContain("<https://evil")
        .contains("&lt;!channel&gt;")
        .contains("<@U0OWN>")
        .contains("<@U0REP>");
  }

  @Test
  void buttonsFollowTheState() {
    Escalation e = sample(false);
    assertThat(Json.slack().toJsonTree(EscalationBlocks.card(e, "x", SIGNER)).toString())
        .contains(EscalationIds.ACK)
        .contains(EscalationIds.RESOLVE);
    e.status = Escalation.Status.ACKNOWLEDGED;
    e.acknowledgedBy = "U0OWN";
    assertThat(Json.slack().toJsonTree(EscalationBlocks.card(e, "x", SIGNER)).toString())
        .doesNotContain("\"" + EscalationIds.ACK + "\"")
        .contains(EscalationIds.RESOLVE);
    e.status = Escalation.Status.RESOLVED;
    e.resolvedBy = "U0OWN";
    assertThat(Json.slack().toJsonTree(EscalationBlocks.card(e, "x", SIGNER)).toString())
        .doesNotContain(EscalationIds.RESOLVE);
  }

  @Test
  void listMarksConfidentialOnesForThoseEntitledToSeeThem() {
    // Callers pass only what the viewer may know of (EscalationReads.visible): those are shown in
    // full, marked confidential, with user text escaped.
    String text =
        EscalationBlocks.list(
            "Open", List.of(sample(true)), Instant.parse("2026-11-27T12:00:00Z"), false);
    assertThat(text)
        .contains("#7")
        .contains("S1")
        .contains("Security")
        .contains(":lock: confidential")
        .contains("raised 2 hours ago")
        .contains("Pay &lt;!channel&gt;");
  }

  @Test
  void aLongListSaysHowToSeeTheRestAndOnlyAdminsReadOfTheApi() {
    List<Escalation> many = java.util.Collections.nCopies(33, sample(false));
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    String member = EscalationBlocks.list("Open", many, now, false);
    // Cut to fit one section (3,000 characters), the "…and N more" line always shown.
    assertThat(member.length()).isLessThanOrEqualTo(3000);
    assertThat(member)
        .containsPattern("…and \\d+ more")
        .contains("`/cos escalations <area>`")
        .doesNotContain("/api/")
        .doesNotContain("GET ");
    assertThat(HumaneText.violations(member)).isEmpty();
    String admin = EscalationBlocks.list("Open", many, now, true);
    assertThat(admin)
        .containsPattern("…and \\d+ more")
        .contains("escalations API (`/api/v1/escalations`)");
    assertThat(HumaneText.violations(admin)).isEmpty();
  }

  @Test
  void prefillCutsToTheFieldLimits() {
    EscalationBlocks.Prefill p =
        EscalationBlocks.Prefill.fromText(
            "first line\n" + "x".repeat(4000), "https://acme.slack.com/p1");
    assertThat(p.title()).isEqualTo("first line");
    assertThat(p.details()).hasSize(3000);
    assertThat(p.link()).isEqualTo("https://acme.slack.com/p1");
  }
}
