package dev.cosbot.pulse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Aggregates a round's answers, applying the anonymity rules: nothing below k, free text only above
 * k and shuffled, changes only between two rounds that both meet k, and breakdowns whose hidden
 * slices cannot be worked out by subtraction. Pure functions, no database.
 */
public final class PulseStats {
  private PulseStats() {}

  /** Aggregates of one question. {@code counts[v]} is how many chose value/option {@code v}. */
  public record QuestionResult(
      int index,
      Question question,
      int answered,
      boolean visible,
      long[] counts,
      Double mean,
      Integer enps,
      List<String> texts) {}

  /**
   * Aggregates of one round; {@code visible} is false below k (or while an open round has no
   * release), and then questions is empty. {@code responses} is what the content is based on;
   * {@code participation} the live count of people who answered; {@code releasedAt} is set for an
   * interim release of an open round.
   */
  public record RoundResult(
      long roundId,
      int seq,
      int recipients,
      int responses,
      int k,
      boolean visible,
      boolean closed,
      List<QuestionResult> questions,
      int participation,
      Instant releasedAt) {
    public int responseRatePercent() {
      return recipients == 0 ? 0 : (int) Math.round(100.0 * participation / recipients);
    }

    /** The same result with a live participation count (open rounds). */
    public RoundResult withParticipation(int live) {
      return new RoundResult(
          roundId, seq, recipients, responses, k, visible, closed, questions, live, releasedAt);
    }

    /** An open round whose content is not released (yet). */
    public static RoundResult unreleased(
        long roundId, int seq, int recipients, int k, int participation) {
      return new RoundResult(
          roundId, seq, recipients, 0, k, false, false, List.of(), participation, null);
    }
  }

  /** The change of one scored question between two rounds (both meeting k). */
  public record Change(int index, Double meanDelta, Integer enpsDelta) {}

  public static RoundResult compute(
      long roundId,
      int seq,
      int recipients,
      boolean closed,
      List<Question> questions,
      List<JsonObject> answers,
      int k,
      Random random) {
    if (answers.size() < k) {
      return new RoundResult(
          roundId,
          seq,
          recipients,
          answers.size(),
          k,
          false,
          closed,
          List.of(),
          answers.size(),
          null);
    }
    List<QuestionResult> results = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      results.add(question(i, questions.get(i), answers, k, random));
    }
    return new RoundResult(
        roundId, seq, recipients, answers.size(), k, true, closed, results, answers.size(), null);
  }

  static QuestionResult question(
      int i, Question q, List<JsonObject> answers, int k, Random random) {
    String key = String.valueOf(i);
    int answered = 0;
    long[] counts = new long[q.type() == QuestionType.TEXT ? 0 : q.max() + 1];
    long sum = 0;
    List<String> texts = new ArrayList<>();
    for (JsonObject a : answers) {
      JsonElement v = a.get(key);
      if (v == null || v.isJsonNull()) {
        continue;
      }
      switch (q.type()) {
        case LIKERT, ENPS, SINGLE -> {
          int value = v.getAsInt();
          if (value < 0 || value >= counts.length) {
            continue;
          }
          counts[value]++;
          sum += value;
        }
        case MULTI -> {
          if (v.getAsJsonArray().isEmpty()) {
            continue;
          }
          for (JsonElement o : v.getAsJsonArray()) {
            int option = o.getAsInt();
            if (option >= 0 && option < counts.length) {
              counts[option]++;
            }
          }
        }
        case TEXT -> {
          String t = v.getAsString().trim();
          if (t.isEmpty()) {
            continue;
          }
          texts.add(t);
        }
      }
      answered++;
    }
    // An optional question answered by fewer than k people is hidden like a round below k; free
    // text needs strictly more than k answers, and is shown in random order.
    boolean visible = q.type() == QuestionType.TEXT ? answered > k : answered >= k;
    if (!visible) {
      return new QuestionResult(
          i, q, answered, false, new long[counts.length], null, null, List.of());
    }
    Double mean = q.type().scored() && answered > 0 ? (double) sum / answered : null;
    Integer enps = q.type() == QuestionType.ENPS ? enps(counts, answered) : null;
    Collections.shuffle(texts, random);
    return new QuestionResult(i, q, answered, true, counts, mean, enps, List.copyOf(texts));
  }

  /** % promoters (9–10) minus % detractors (0–6), rounded. */
  public static int enps(long[] counts, int answered) {
    if (answered == 0) {
      return 0;
    }
    long promoters = counts[9] + counts[10];
    long detractors = 0;
    for (int v = 0; v <= 6; v++) {
      detractors += counts[v];
    }
    return (int) Math.round(100.0 * (promoters - detractors) / answered);
  }

  /**
   * Changes of scored questions from {@code previous} to {@code current}; empty unless both meet k.
   */
  public static List<Change> changes(RoundResult previous, RoundResult current) {
    if (previous == null || !previous.visible() || !current.visible()) {
      return List.of();
    }
    List<Change> changes = new ArrayList<>();
    for (QuestionResult now : current.questions()) {
      if (!now.visible()
          || !now.question().type().scored()
          || now.index() >= previous.questions().size()) {
        continue;
      }
      QuestionResult before = previous.questions().get(now.index());
      if (!before.visible() || before.question().type() != now.question().type()) {
        continue;
      }
      Double meanDelta =
          now.mean() == null || before.mean() == null ? null : now.mean() - before.mean();
      Integer enpsDelta =
          now.enps() == null || before.enps() == null ? null : now.enps() - before.enps();
      changes.add(new Change(now.index(), meanDelta, enpsDelta));
    }
    return changes;
  }

  /**
   * Which slices of a breakdown (e.g. answers per team) may be shown: a slice with fewer than k
   * answers is hidden, and so are the smallest shown slices for as long as the hidden ones together
   * hold between 1 and k−1 answers — otherwise "total minus the visible slices" would reveal a
   * group smaller than k.
   */
  public static Set<String> visibleSlices(Map<String, Integer> answersBySlice, int k) {
    List<Map.Entry<String, Integer>> slices = new ArrayList<>(answersBySlice.entrySet());
    slices.sort(
        Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    Set<String> visible = new TreeSet<>();
    int hidden = 0;
    for (Map.Entry<String, Integer> s : slices) {
      if (s.getValue() < k) {
        hidden += s.getValue();
      } else {
        visible.add(s.getKey());
      }
    }
    for (Map.Entry<String, Integer> s : slices) {
      if (hidden == 0 || hidden >= k) {
        break;
      }
      if (visible.remove(s.getKey())) {
        hidden += s.getValue();
      }
    }
    return visible;
  }

  /** Slice sizes, kept only for those {@link #visibleSlices} allows. */
  public static Map<String, Integer> suppressed(Map<String, Integer> answersBySlice, int k) {
    Set<String> visible = visibleSlices(answersBySlice, k);
    Map<String, Integer> shown = new LinkedHashMap<>();
    answersBySlice.entrySet().stream()
        .filter(e -> visible.contains(e.getKey()))
        .sorted(Comparator.comparing(Map.Entry::getKey))
        .forEach(e -> shown.put(e.getKey(), e.getValue()));
    return shown;
  }

  // ---------------------------------------------------------------- interim releases

  /**
   * The content of an interim release of an open round: the aggregates of {@code current} without
   * any free text; a question whose answers grew by fewer than k since the {@code previous} release
   * keeps that release's figures, so comparing two releases never isolates fewer than k answers.
   */
  public static RoundResult interim(RoundResult current, RoundResult previous, Instant at) {
    List<QuestionResult> questions = new ArrayList<>();
    for (QuestionResult q : current.questions()) {
      QuestionResult before =
          previous == null || q.index() >= previous.questions().size()
              ? null
              : previous.questions().get(q.index());
      if (q.question().type() == QuestionType.TEXT) {
        questions.add(
            new QuestionResult(
                q.index(), q.question(), 0, false, new long[0], null, null, List.of()));
      } else if (before != null
          && before.visible()
          && q.answered() - before.answered() < current.k()) {
        questions.add(before);
      } else {
        questions.add(q);
      }
    }
    return new RoundResult(
        current.roundId(),
        current.seq(),
        current.recipients(),
        current.responses(),
        current.k(),
        current.visible(),
        false,
        List.copyOf(questions),
        current.responses(),
        at);
  }

  /** A release as stored (aggregates only; no free text exists in a release). */
  public static String toJson(RoundResult r) {
    JsonObject out = new JsonObject();
    out.addProperty("responses", r.responses());
    com.google.gson.JsonArray qs = new com.google.gson.JsonArray();
    for (QuestionResult q : r.questions()) {
      JsonObject o = new JsonObject();
      o.addProperty("answered", q.answered());
      o.addProperty("visible", q.visible());
      com.google.gson.JsonArray counts = new com.google.gson.JsonArray();
      for (long c : q.counts()) {
        counts.add(c);
      }
      o.add("counts", counts);
      if (q.mean() != null) {
        o.addProperty("mean", q.mean());
      }
      if (q.enps() != null) {
        o.addProperty("enps", q.enps());
      }
      qs.add(o);
    }
    out.add("questions", qs);
    return out.toString();
  }

  /** A stored release read back against the survey's questions. */
  public static RoundResult fromJson(
      String json,
      long roundId,
      int seq,
      int recipients,
      int k,
      List<Question> questions,
      Instant releasedAt) {
    JsonObject in = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
    int responses = in.get("responses").getAsInt();
    List<QuestionResult> results = new ArrayList<>();
    com.google.gson.JsonArray qs = in.getAsJsonArray("questions");
    for (int i = 0; i < qs.size() && i < questions.size(); i++) {
      JsonObject o = qs.get(i).getAsJsonObject();
      com.google.gson.JsonArray c = o.getAsJsonArray("counts");
      long[] counts = new long[c.size()];
      for (int v = 0; v < counts.length; v++) {
        counts[v] = c.get(v).getAsLong();
      }
      results.add(
          new QuestionResult(
              i,
              questions.get(i),
              o.get("answered").getAsInt(),
              o.get("visible").getAsBoolean(),
              counts,
              o.has("mean") ? o.get("mean").getAsDouble() : null,
              o.has("enps") ? o.get("enps").getAsInt() : null,
              List.of()));
    }
    return new RoundResult(
        roundId, seq, recipients, responses, k, true, false, results, responses, releasedAt);
  }
}
