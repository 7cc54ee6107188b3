package dev.cosbot.decision;

/** The filled-in decision form, for tests outside this package. */
public final class DecisionTestValues {
  private DecisionTestValues() {}

  public static String values(String question, String date, String options) {
    return DecisionFlowTest.values(question, date, options);
  }
}
