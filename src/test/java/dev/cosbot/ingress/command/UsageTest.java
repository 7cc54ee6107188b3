package dev.cosbot.ingress.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Help lines read as patterns, "did you mean" and the short help, without Quarkus. */
class UsageTest {
  private static boolean fits(String usage, String... args) {
    return Usage.parse(usage).stream().anyMatch(u -> u.matches(List.of(args)));
  }

  @Test
  void literalsMentionsNumbersAndTextAreTold() {
    assertThat(fits("/cos admin add|remove @user", "add", "<@U0ANA|ana>")).isTrue();
    assertThat(fits("/cos admin add|remove @user", "add", "ana")).isFalse();
    assertThat(fits("/cos admin add|remove @user", "add")).isFalse();
    assertThat(fits("/cos admin add|remove @user", "add", "<@U0ANA>", "<@U0BOB>")).isFalse();
    assertThat(fits("/cos cadence next [n]", "next")).isTrue();
    assertThat(fits("/cos cadence next [n]", "next", "3")).isTrue();
    assertThat(fits("/cos cadence next [n]", "next", "soon")).isFalse();
    assertThat(fits("/cos cadence skip <name> <date>", "skip", "Weekly", "staff", "2026-12-24"))
        .isTrue();
    assertThat(fits("/cos cadence skip <name> <date>", "skip", "Weekly")).isFalse();
    assertThat(fits("/cos escalations [mine|open|<area>]", "Mergers", "and", "more")).isTrue();
    assertThat(fits("/cos escalations [mine|open|<area>]")).isTrue();
    assertThat(fits("/cos decisions [open]", "all")).isFalse();
    assertThat(fits("/cos report [team|initiative]", "Platform", "team")).isTrue();
    assertThat(fits("/cos admin outbox [retry]", "outbox", "retry")).isTrue();
    assertThat(fits("/cos admin outbox [retry]", "outbox", "now")).isFalse();
  }

  @Test
  void alternativesAndKeywordLanguagesAreLeftToTheirFeature() {
    assertThat(fits("/cos route list | remove <n>", "remove", "4")).isTrue();
    assertThat(fits("/cos route list | remove <n>", "remove", "four")).isFalse();
    assertThat(fits("/cos route list | remove <n>", "list")).isTrue();
    String add = "/cos route add area \"Security\" owner @user [channel #ch] [backup @user]";
    assertThat(fits(add, "add", "keywords", "breach", "owner", "<!subteam^S0SEC|sec>")).isTrue();
    assertThat(fits(add, "add")).isTrue();
    assertThat(fits(add, "ad")).isFalse();
  }

  @Test
  void didYouMeanOnlyForPlausibleTypos() {
    assertThat(Suggest.closest("stauts", Set.of("status", "pulse", "report"))).isEqualTo("status");
    assertThat(Suggest.closest("lsit", Set.of("list", "add"))).isEqualTo("list");
    assertThat(Suggest.closest("esc", Set.of("escalate", "digest"))).isEqualTo("escalate");
    assertThat(Suggest.closest("frobnicate", Set.of("status", "pulse"))).isNull();
  }

  @Test
  void shortHelpIsGroupedAndTheChiefOfStaffIsNotToldToAskThemselves() {
    List<HelpLine> lines =
        List.of(
            new HelpLine("/cos status [initiative]", "post a status update now", Role.MEMBER),
            new HelpLine("/cos escalate [text]", "raise an escalation", Role.MEMBER),
            new HelpLine("/cos pulse new", "create a pulse survey", Role.ADMIN));
    String member = HelpBlocks.shortHelp(lines, Caller.member("U0ANA"), "<@U0COS>");
    assertThat(member)
        .contains("*Share progress* — `/cos status`")
        .contains("*Raise a problem* — `/cos escalate`")
        .doesNotContain("pulse")
        .endsWith("Questions? Ask <@U0COS>.");
    String cos =
        HelpBlocks.shortHelp(
            lines, new Caller("U0COS", EnumSet.of(Role.MEMBER, Role.ADMIN)), "<@U0COS>");
    assertThat(cos).contains("*As Chief of Staff*").contains("`/cos pulse new`");
    assertThat(cos).doesNotContain("Questions?");
    assertThat(cos.lines().count()).isLessThan(12);
  }
}
