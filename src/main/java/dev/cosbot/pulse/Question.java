package dev.cosbot.pulse;

import java.util.List;

/**
 * One question of a survey. {@code options} are the choices of a single or multiple choice question
 * (empty for the others).
 */
public record Question(QuestionType type, String text, List<String> options, boolean optional) {
  public Question {
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** The values a scored question can take, lowest first. */
  public int min() {
    return type == QuestionType.LIKERT ? 1 : 0;
  }

  public int max() {
    return switch (type) {
      case LIKERT -> 5;
      case ENPS -> 10;
      default -> options.size() - 1;
    };
  }
}
