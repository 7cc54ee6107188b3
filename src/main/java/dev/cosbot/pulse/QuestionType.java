package dev.cosbot.pulse;

/** The kinds of pulse question. */
public enum QuestionType {
  /** 1–5 agreement scale. */
  LIKERT("likert"),
  /** 0–10 "how likely are you to recommend": the eNPS question. */
  ENPS("enps"),
  SINGLE("single"),
  MULTI("multi"),
  TEXT("text");

  public final String word;

  QuestionType(String word) {
    this.word = word;
  }

  /** Answers are numbers whose mean makes sense. */
  public boolean scored() {
    return this == LIKERT || this == ENPS;
  }

  static QuestionType of(String word) {
    for (QuestionType t : values()) {
      if (t.word.equalsIgnoreCase(word.trim())) {
        return t;
      }
    }
    return null;
  }
}
