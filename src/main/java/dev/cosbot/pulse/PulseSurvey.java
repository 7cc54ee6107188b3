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

/** A pulse survey: its questions, audience, anonymity, schedule and threshold k. */
@Entity
@Table(name = "pulse_survey")
public class PulseSurvey extends PanacheEntityBase {
  /** Where the recipients come from. */
  public enum AudienceKind {
    CHANNEL,
    USERGROUP,
    PEOPLE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public String title;

  /** JSON, see {@link PulseQuestions#toJson}. */
  public String questions;

  @Column(name = "audience_kind")
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  public AudienceKind audienceKind;

  /** Channel id, user group id, or comma-separated user ids. */
  public String audience;

  /** A name for the audience, used as the team in digest signals. */
  @Column(name = "audience_label")
  public String audienceLabel;

  public boolean anonymous;

  @Column(name = "min_answers")
  public int minAnswers;

  @Column(name = "open_hours")
  public int openHours;

  /** 0 for a one-off survey, else the number of weeks between rounds. */
  @Column(name = "repeat_weeks")
  public int repeatWeeks;

  /** The first round's local date and time, in each recipient's zone; null for "now". */
  @Column(name = "local_start")
  public LocalDateTime localStart;

  @Column(name = "created_by")
  public String createdBy;

  public boolean active;

  @Column(name = "created_at")
  public Instant createdAt;

  /** The user groups results are broken down by, as JSON (see {@link Slice}); null for none. */
  public String slices;

  public List<Question> questionList() {
    return PulseQuestions.fromJson(questions);
  }

  public List<Slice> sliceList() {
    return Slice.fromJson(slices);
  }

  public static List<PulseSurvey> recent(int max) {
    return find("order by id desc").page(0, max).list();
  }
}
