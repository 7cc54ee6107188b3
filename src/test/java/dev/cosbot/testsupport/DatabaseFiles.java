package dev.cosbot.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The database as an attacker holding its files sees it: every table file and WAL segment read as
 * bytes, after a checkpoint and a WAL switch so that everything written so far is on disk.
 */
public final class DatabaseFiles {
  private DatabaseFiles() {}

  /**
   * The files under the server's data directory (tables, global, WAL) that contain {@code text}.
   */
  public static List<Path> containing(DataSource db, String text) throws Exception {
    Path dataDir;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
      try (ResultSet rs = s.executeQuery("SELECT pg_switch_wal()::text")) {
        rs.next();
      }
      s.execute("CHECKPOINT");
      try (ResultSet rs = s.executeQuery("SHOW data_directory")) {
        rs.next();
        dataDir = Path.of(rs.getString(1));
      }
    }
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    for (String area : List.of("base", "global", "pg_wal")) {
      Path root = dataDir.resolve(area);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          byte[] bytes;
          try {
            bytes = Files.readAllBytes(f);
          } catch (IOException gone) {
            continue; // a WAL segment recycled while walking
          }
          if (indexOf(bytes, needle) >= 0) {
            found.add(f);
          }
        }
      }
    }
    return found;
  }

  /** Every row of every table in the public schema as text, one string per table row. */
  public static List<String> allRows(DataSource db, List<String> except) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        if (except.contains(table)) {
          continue;
        }
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
          while (rs.next()) {
            rows.add(table + ": " + rs.getString(1));
          }
        }
      }
    }
    return rows;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
