package dev.cosbot.pulse;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** One round of a survey: a separate sample with its own results. */
@Entity
@Table(name = "pulse_round")
public class PulseRound extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "survey_id")
  public long surveyId;

  public int seq;

  @Column(name = "local_start")
  public LocalDateTime localStart;

  @Column(name = "opened_at")
  public Instant openedAt;

  @Column(name = "closes_at")
  public Instant closesAt;

  public boolean closed;

  public int recipients;

  public static List<PulseRound> ofSurvey(long surveyId) {
    return list("surveyId = ?1 order by seq", surveyId);
  }

  public static Optional<PulseRound> latest(long surveyId) {
    return find("surveyId = ?1 order by seq desc", surveyId).firstResultOptional();
  }

  public static List<PulseRound> closedSince(Instant since) {
    return list("closed = true and closesAt >= ?1 order by closesAt", since);
  }

  public boolean isOpenAt(Instant now) {
    return !closed && now.isBefore(closesAt);
  }
}
