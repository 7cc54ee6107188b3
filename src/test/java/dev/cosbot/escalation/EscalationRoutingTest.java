package dev.cosbot.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cosbot.ingress.command.CommandText;
import dev.cosbot.platform.support.UserFacingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule matching (area, keywords, priority order) and the {@code /cos route add} syntax. */
class EscalationRoutingTest {

  private static EscalationRoute rule(
      long id, int priority, String area, String keywords, String owner) {
    EscalationRoute r = new EscalationRoute();
    r.id = id;
    r.priority = priority;
    r.area = area;
    r.keywords = keywords;
    r.ownerUser = owner;
    return r;
  }

  @Test
  void firstMatchingRuleInPriorityOrderWins() {
    List<EscalationRoute> rules =
        List.of(
            rule(3, 1, null, "breach, phishing", "U0KEYWORDS"),
            rule(1, 5, "Security", null, "U0SECURITY"),
            rule(2, 9, "Security", "vpn", "U0VPN"));
    assertThat(EscalationRouting.match(rules, "security", "VPN down", ""))
        .get()
        .extracting(r -> r.ownerUser)
        .isEqualTo("U0SECURITY");
    assertThat(EscalationRouting.match(rules, "Billing", "Phishing mail", ""))
        .get()
        .extracting(r -> r.ownerUser)
        .isEqualTo("U0KEYWORDS");
    assertThat(EscalationRouting.match(rules, "Billing", "Data BREACH?", ""))
        .get()
        .extracting(r -> r.ownerUser)
        .isEqualTo("U0KEYWORDS");
    assertThat(EscalationRouting.match(rules, "Billing", "Invoices", "wrong totals")).isEmpty();
  }

  @Test
  void areaAndKeywordsMustBothMatchWhenBothAreSet() {
    List<EscalationRoute> rules = List.of(rule(1, 1, "Security", "vpn", "U0VPN"));
    assertThat(EscalationRouting.match(rules, "Security", "Laptop stolen", "")).isEmpty();
    assertThat(EscalationRouting.match(rules, "Security", "Laptop", "and the vpn token"))
        .isPresent();
  }

  @Test
  void parsesTheAddSyntax() {
    EscalationRoute r =
        EscalationRouting.parseAdd(
            CommandText.words(
                "area \"Security Ops\" keywords \"breach, phishing\" owner <@U0ANA|ana> channel <#C0SEC|security> backup <@U0BEN|ben> priority 5"));
    assertThat(r.area).isEqualTo("Security Ops");
    assertThat(r.keywordList()).containsExactly("breach", "phishing");
    assertThat(r.ownerUser).isEqualTo("U0ANA");
    assertThat(r.channelId).isEqualTo("C0SEC");
    assertThat(r.backupUser).isEqualTo("U0BEN");
    assertThat(r.priority).isEqualTo(5);

    EscalationRoute group =
        EscalationRouting.parseAdd(
            CommandText.words("keywords outage owner <!subteam^S0ONCALL|@oncall>"));
    assertThat(group.ownerGroup).isEqualTo("S0ONCALL");
    assertThat(group.ownerUser).isNull();
    assertThat(group.priority).isEqualTo(100);
  }

  @Test
  void refusesIncompleteRules() {
    assertThatThrownBy(() -> EscalationRouting.parseAdd(CommandText.words("area Security")))
        .isInstanceOf(UserFacingException.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> EscalationRouting.parseAdd(CommandText.words("owner <@U0ANA>")))
        .hasMessageContaining("area or keywords");
    assertThatThrownBy(() -> EscalationRouting.parseAdd(CommandText.words("area X owner nobody")))
        .hasMessageContaining("person");
    assertThatThrownBy(
            () -> EscalationRouting.parseAdd(CommandText.words("area X owner <@U0ANA> channel")))
        .hasMessageContaining("Usage");
  }
}
