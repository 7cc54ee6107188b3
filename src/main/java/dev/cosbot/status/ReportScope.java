package dev.cosbot.status;

import java.util.Optional;

/**
 * What a status report covers (everything, one initiative or one team), written into a signed
 * button value or private_metadata so that a shared report is the one the person saw.
 */
record ReportScope(Long initiativeId, String team) {
  static final ReportScope ALL = new ReportScope(null, null);

  RollupQueries.Filter filter() {
    return new RollupQueries.Filter(team, initiativeId, null);
  }

  /** "report:all", "report:i:42", "report:t:Platform". */
  String encode() {
    return initiativeId != null
        ? "report:i:" + initiativeId
        : team != null ? "report:t:" + team : "report:all";
  }

  static Optional<ReportScope> decode(String value) {
    if ("report:all".equals(value)) {
      return Optional.of(ALL);
    }
    if (value.startsWith("report:t:") && value.length() > "report:t:".length()) {
      return Optional.of(new ReportScope(null, value.substring("report:t:".length())));
    }
    if (value.startsWith("report:i:")) {
      try {
        return Optional.of(
            new ReportScope(Long.parseLong(value.substring("report:i:".length())), null));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
