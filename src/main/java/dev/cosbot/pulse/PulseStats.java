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
    return visibleSlices(answersBySlice, 0, k);
  }

  /**
   * The same with {@code rest} answers from people in none of the slices: they are never shown as a
   * slice, so they count as hidden from the start.
   */
  public static Set<String> visibleSlices(Map<String, Integer> answersBySlice, int rest, int k) {
    List<Map.Entry<String, Integer>> slices = new ArrayList<>(answersBySlice.entrySet());
    slices.sort(
        Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    Set<String> visible = new TreeSet<>();
    int hidden = rest;
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

  // ---------------------------------------------------------------- breakdowns by team

  /** The figures of one scored question in one slice. */
  public record Cell(int index, int answered, Double mean, Integer enps) {}

  /** A slice that may be shown: its name, how many of its people answered, its visible cells. */
  public record SliceResult(String groupId, String name, int responses, List<Cell> cells) {
    public Cell cell(int index) {
      return cells.stream().filter(c -> c.index() == index).findFirst().orElse(null);
    }
  }

  /**
   * A closed round's breakdown: only the slices that may be shown, and how many were held back.
   * Computed once at close from the opened answers; nothing else about slices is stored.
   */
  public record Breakdown(List<SliceResult> shown, int hidden) {
    public static final Breakdown NONE = new Breakdown(List.of(), 0);

    public boolean isEmpty() {
      return shown.isEmpty() && hidden == 0;
    }

    public SliceResult slice(String groupId) {
      return shown.stream().filter(s -> s.groupId().equals(groupId)).findFirst().orElse(null);
    }
  }

  /**
   * The breakdown of a round by slices: a slice is shown only with at least k answers and when
   * "total minus the shown slices" still covers 0 or at least k answers ({@link #visibleSlices},
   * the answers of people in no slice counting as hidden); within a shown slice, a scored
   * question's cell follows the same rule on the answers to that question. Free text and choice
   * questions are never broken down (a comment from a small team names its author).
   */
  public static Breakdown breakdown(
      List<Slice> slices, List<Question> questions, List<SealedAnswer> answers, int k) {
    if (slices.isEmpty()) {
      return Breakdown.NONE;
    }
    Map<String, Integer> bySlice = new LinkedHashMap<>();
    for (int s = 0; s < slices.size(); s++) {
      bySlice.put(String.valueOf(s), 0);
    }
    int rest = 0;
    for (SealedAnswer a : answers) {
      if (a.slice() == null || a.slice() < 0 || a.slice() >= slices.size()) {
        rest++;
      } else {
        bySlice.merge(String.valueOf(a.slice()), 1, Integer::sum);
      }
    }
    Set<String> visible = visibleSlices(bySlice, rest, k);
    Map<String, List<Cell>> cells = new LinkedHashMap<>();
    visible.forEach(v -> cells.put(v, new ArrayList<>()));
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      if (!q.type().scored()) {
        continue;
      }
      String key = String.valueOf(i);
      Map<String, List<JsonObject>> answered = new LinkedHashMap<>();
      bySlice.keySet().forEach(sl -> answered.put(sl, new ArrayList<>()));
      int restAnswered = 0;
      for (SealedAnswer a : answers) {
        JsonElement v = a.answers().get(key);
        if (v == null || v.isJsonNull()) {
          continue;
        }
        List<JsonObject> of = a.slice() == null ? null : answered.get(String.valueOf(a.slice()));
        if (of == null) {
          restAnswered++;
        } else {
          of.add(a.answers());
        }
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      answered.forEach((sl, list) -> counts.put(sl, list.size()));
      Set<String> shownHere = visibleSlices(counts, restAnswered, k);
      for (String sl : visible) {
        if (shownHere.contains(sl)) {
          QuestionResult r = question(i, q, answered.get(sl), k, new Random(0));
          if (r.visible()) {
            cells.get(sl).add(new Cell(i, r.answered(), r.mean(), r.enps()));
          }
        }
      }
    }
    List<SliceResult> shown = new ArrayList<>();
    for (String sl : visible) {
      Slice slice = slices.get(Integer.parseInt(sl));
      shown.add(
          new SliceResult(
              slice.groupId(), slice.name(), bySlice.get(sl), List.copyOf(cells.get(sl))));
    }
    shown.sort(Comparator.comparing(s -> indexOf(slices, s.groupId())));
    return new Breakdown(List.copyOf(shown), slices.size() - shown.size());
  }

  private static int indexOf(List<Slice> slices, String groupId) {
    for (int i = 0; i < slices.size(); i++) {
      if (slices.get(i).groupId().equals(groupId)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * The change of a slice's scored question against the previous round: only when the slice's cell
   * was shown in both rounds (so both met k there); else null.
   */
  public static Double sliceMeanChange(Breakdown previous, String groupId, Cell now) {
    if (previous == null || now == null || now.mean() == null) {
      return null;
    }
    SliceResult before = previous.slice(groupId);
    Cell was = before == null ? null : before.cell(now.index());
    return was == null || was.mean() == null ? null : now.mean() - was.mean();
  }

  /** A breakdown as stored at close (shown slices only). */
  public static String toJson(Breakdown b) {
    JsonObject out = new JsonObject();
    out.addProperty("hidden", b.hidden());
    com.google.gson.JsonArray shown = new com.google.gson.JsonArray();
    for (SliceResult s : b.shown()) {
      JsonObject o = new JsonObject();
      o.addProperty("id", s.groupId());
      o.addProperty("name", s.name());
      o.addProperty("responses", s.responses());
      com.google.gson.JsonArray cs = new com.google.gson.JsonArray();
      for (Cell c : s.cells()) {
        JsonObject co = new JsonObject();
        co.addProperty("q", c.index());
        co.addProperty("answered", c.answered());
        if (c.mean() != null) {
          co.addProperty("mean", c.mean());
        }
        if (c.enps() != null) {
          co.addProperty("enps", c.enps());
        }
        cs.add(co);
      }
      o.add("cells", cs);
      shown.add(o);
    }
    out.add("shown", shown);
    return out.toString();
  }

  public static Breakdown breakdownFromJson(String json) {
    JsonObject in = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
    List<SliceResult> shown = new ArrayList<>();
    for (JsonElement e : in.getAsJsonArray("shown")) {
      JsonObject o = e.getAsJsonObject();
      List<Cell> cells = new ArrayList<>();
      for (JsonElement c : o.getAsJsonArray("cells")) {
        JsonObject co = c.getAsJsonObject();
        cells.add(
            new Cell(
                co.get("q").getAsInt(),
                co.get("answered").getAsInt(),
                co.has("mean") ? co.get("mean").getAsDouble() : null,
                co.has("enps") ? co.get("enps").getAsInt() : null));
      }
      shown.add(
          new SliceResult(
              o.get("id").getAsString(),
              o.get("name").getAsString(),
              o.get("responses").getAsInt(),
              List.copyOf(cells)));
    }
    return new Breakdown(List.copyOf(shown), in.get("hidden").getAsInt());
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
