package dev.cosbot.dashboard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A small, realistic portfolio for pages and screenshots: initiatives in three teams with eight
 * weeks of updates, and two decisions. Removed again by {@link #remove()} so other tests sharing
 * the database never see it.
 */
final class DashboardFixture {
  private final DataSource db;
  private final String tag;
  private final List<Long> initiatives = new ArrayList<>();
  private final List<Long> decisions = new ArrayList<>();

  DashboardFixture(DataSource db, String tag) {
    this.db = db;
    this.tag = tag;
  }

  private static final String[][] INITIATIVES = {
    {"Checkout redesign", "Growth", "U0OWNER1", "GREEN,GREEN,AMBER,AMBER,GREEN,GREEN,GREEN,GREEN"},
    {"EU data residency", "Platform", "U0OWNER2", "GREEN,AMBER,AMBER,RED,RED,AMBER,RED,RED"},
    {"SOC 2 audit", "Security", "U0OWNER3", "GREEN,GREEN,GREEN,GREEN,AMBER,GREEN,GREEN,AMBER"},
    {"Partner API", "Platform", "U0OWNER1", "AMBER,AMBER,GREEN,GREEN,GREEN,GREEN,GREEN,GREEN"},
    {
      "Self-serve onboarding",
      "Growth",
      "U0MEMBER",
      "GREEN,GREEN,GREEN,AMBER,AMBER,AMBER,GREEN,GREEN"
    }
  };

  void create() throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (String[] i : INITIATIVES) {
        // Left over by an interrupted run: the names are unique.
        s.execute("DELETE FROM status_initiative WHERE name = '" + name(i[0]) + "'");
      }
      s.execute(
          "DELETE FROM digest_decision WHERE question IN ('Host EU data in Frankfurt?"
              + tag
              + "', 'Hire a second SRE?"
              + tag
              + "')");
      for (String[] i : INITIATIVES) {
        long id =
            id(
                s,
                "INSERT INTO status_initiative (name, description, owner_id, team, state, every_weeks,"
                    + " cadence_day, cadence_time, anchor_date, created_by, created_at, updated_at,"
                    + " target_date) VALUES ('"
                    + name(i[0])
                    + "', 'What we promised the board for this quarter.', '"
                    + i[2]
                    + "', '"
                    + i[1]
                    + "', 'ACTIVE', 1, 5, '10:00', current_date - 60, 'U0ADMIN', now() - interval '60 days',"
                    + " now(), current_date + 45) RETURNING id");
        initiatives.add(id);
        String[] rags = i[3].split(",");
        String previous = null;
        long last = 0;
        for (int week = 0; week < rags.length; week++) {
          int daysAgo = (rags.length - 1 - week) * 7 + 1;
          String rag = rags[week];
          last =
              id(
                  s,
                  "INSERT INTO status_update (initiative_id, period_due, author_id, rag, summary, progress,"
                      + " risks, asks, ask_to, confidence, percent, posted_at) VALUES ("
                      + id
                      + ", now() - interval '"
                      + daysAgo
                      + " days', '"
                      + i[2]
                      + "', '"
                      + rag
                      + "', 'Week "
                      + (week + 1)
                      + ": "
                      + (rag.equals("GREEN")
                          ? "on plan"
                          : rag.equals("AMBER") ? "vendor slipping" : "blocked on legal review")
                      + "', 'Shipped the next milestone.', "
                      + (rag.equals("GREEN") ? "NULL" : "'Depends on the vendor contract'")
                      + ", "
                      + (rag.equals("RED")
                          ? "'Decision on the hosting region', 'U0CXO'"
                          : "NULL, NULL")
                      + ", 'MEDIUM', "
                      + (week * 12)
                      + ", now() - interval '"
                      + daysAgo
                      + " days') RETURNING id");
          if (!rag.equals(previous)) {
            s.execute(
                "INSERT INTO status_rag_event (initiative_id, update_id, from_rag, to_rag, changed_at) VALUES ("
                    + id
                    + ", "
                    + last
                    + ", "
                    + (previous == null ? "NULL" : "'" + previous + "'")
                    + ", '"
                    + rag
                    + "', now() - interval '"
                    + daysAgo
                    + " days')");
          }
          previous = rag;
        }
        s.execute(
            "UPDATE status_initiative SET last_update_id = "
                + last
                + ", current_rag = '"
                + previous
                + "' WHERE id = "
                + id);
      }
      s.execute("UPDATE status_initiative SET missed_in_row = 1 WHERE id = " + initiatives.get(2));
      decisions.add(
          id(
              s,
              "INSERT INTO digest_decision (asker_id, question, options, needed_by, status, decided_by,"
                  + " decided_at, note, created_at) VALUES ('U0ADMIN', 'Host EU data in Frankfurt?"
                  + tag
                  + "', 'Frankfurt; Dublin', current_date + 3, 'APPROVED', 'U0CXO', now() - interval '2 days',"
                  + " 'Frankfurt: closest to our customers', now() - interval '4 days') RETURNING id"));
      decisions.add(
          id(
              s,
              "INSERT INTO digest_decision (asker_id, question, options, needed_by, status, created_at)"
                  + " VALUES ('U0MEMBER', 'Hire a second SRE?"
                  + tag
                  + "', 'Yes; Not this quarter', current_date + 7, 'OPEN', now() - interval '1 day')"
                  + " RETURNING id"));
    }
  }

  private String name(String base) {
    return tag.isEmpty() ? base : base + " " + tag;
  }

  List<Long> initiatives() {
    return initiatives;
  }

  void remove() throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      for (long id : initiatives) {
        s.execute("UPDATE status_initiative SET last_update_id = NULL WHERE id = " + id);
        s.execute("DELETE FROM status_initiative WHERE id = " + id);
      }
      for (long id : decisions) {
        s.execute("DELETE FROM digest_decision WHERE id = " + id);
      }
    }
  }

  private static long id(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
