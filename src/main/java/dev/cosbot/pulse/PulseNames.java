package dev.cosbot.pulse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a survey by the title a person typed: exactly (any case), else the one title that contains
 * it; otherwise the closest titles as suggestions ("did you mean"). Pure.
 */
public final class PulseNames {
  private PulseNames() {}

  /** The index of the title {@code typed} names, if exactly one does. */
  public static Optional<Integer> match(List<String> titles, String typed) {
    String t = norm(typed);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < titles.size(); i++) {
      if (norm(titles.get(i)).equals(t)) {
        return Optional.of(i);
      }
    }
    List<Integer> containing = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      if (norm(titles.get(i)).contains(t)) {
        containing.add(i);
      }
    }
    return containing.size() == 1 ? Optional.of(containing.get(0)) : Optional.empty();
  }

  /**
   * Up to {@code max} titles closest to {@code typed}; the most recent ones when nothing was typed.
   */
  public static List<String> suggestions(List<String> titles, String typed, int max) {
    String t = norm(typed);
    if (t.isEmpty()) {
      return titles.stream().distinct().limit(max).toList();
    }
    return titles.stream()
        .distinct()
        .filter(
            title ->
                norm(title).contains(t) || distance(norm(title), t) <= Math.max(2, t.length() / 3))
        .sorted(
            Comparator.comparingInt(
                title -> norm(title).contains(t) ? 0 : distance(norm(title), t)))
        .limit(max)
        .toList();
  }

  private static String norm(String s) {
    return s == null
        ? ""
        : s.replaceAll("[\"“”]", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
