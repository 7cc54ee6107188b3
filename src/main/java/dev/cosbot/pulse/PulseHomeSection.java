package dev.cosbot.pulse;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.HomeAction;
import dev.cosbot.platform.spi.HomeSection;
import dev.cosbot.platform.support.SignedMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Home tab's "Surveys waiting for you" and its "Take survey" primary action, shown only while a
 * round the person was asked in is open and has no answer of theirs yet.
 */
@ApplicationScoped
public class PulseHomeSection implements HomeSection {
  @Inject EntityManager em;
  @Inject PulseKeys keys;
  @Inject SignedMetadata signer;
  @Inject Clock clock;

  /** A round waiting for one person's answer. */
  record Waiting(PulseSurvey survey, PulseRound round) {}

  @Override
  public int order() {
    return 35;
  }

  @Override
  public List<LayoutBlock> blocksFor(Caller caller) {
    List<Waiting> waiting = waitingFor(caller.userId());
    if (waiting.isEmpty()) {
      return List.of();
    }
    return List.of(section(s -> s.text(markdownText(PulseBlocks.waitingOnHome(waiting)))));
  }

  @Override
  public List<HomeAction> primaryActions(Caller caller) {
    List<Waiting> waiting = waitingFor(caller.userId());
    if (waiting.isEmpty()) {
      return List.of();
    }
    // The round that closes first: the button opens its answer form, as the DM's button does.
    return List.of(
        new HomeAction(
            PulseBlocks.TAKE_SURVEY_ON_HOME,
            PulseIds.TAKE_SURVEY,
            signer.signId(waiting.get(0).round().id)));
  }

  /**
   * Open rounds that asked {@code userId} and hold no answer of theirs, closing soonest first.
   * Whether someone answered is stored nowhere: their ballot is computed here and compared with the
   * sealed answers' ballots, as the reminder does.
   */
  @Transactional
  List<Waiting> waitingFor(String userId) {
    @SuppressWarnings("unchecked")
    List<Number> roundIds =
        em.createNativeQuery(
                "SELECT r.id FROM pulse_round r JOIN pulse_recipient p ON p.round_id = r.id"
                    + " WHERE p.user_id = ?1 AND NOT r.closed ORDER BY r.closes_at, r.id")
            .setParameter(1, userId)
            .getResultList();
    List<Waiting> waiting = new ArrayList<>();
    for (Number id : roundIds) {
      PulseRound round = PulseRound.findById(id.longValue());
      if (round.isOpenAt(clock.instant()) && !answered(round.id, userId)) {
        waiting.add(new Waiting(PulseSurvey.findById(round.surveyId), round));
      }
    }
    return waiting;
  }

  private boolean answered(long roundId, String userId) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM pulse_sealed WHERE round_id = ?1 AND ballot = ?2")
                    .setParameter(1, roundId)
                    .setParameter(2, keys.ballot(roundId, userId))
                    .getSingleResult())
            .intValue()
        > 0;
  }
}
