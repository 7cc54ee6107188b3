package dev.cosbot.status;

import dev.cosbot.ingress.api.AdminApiDocument;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API: the portfolio rollup as JSON and every update as CSV (bearer token, see
 * ApiTokenFilter).
 */
@Path("/api/v1/status")
@Tag(name = AdminApiDocument.STATUS)
public class StatusResource {
  @Inject StatusReports reports;
  @Inject AgroalDataSource dataSource;
  @Inject Clock clock;

  /** {@code from}/{@code to}: ISO dates (whole UTC days) or instants; default the last 7 days. */
  @GET
  @Path("/rollup")
  @Operation(
      summary = "Roll up status updates for a period",
      description = "RAG, changes, risks, asks and missing updates; default the last 7 days.")
  @Produces(MediaType.APPLICATION_JSON)
  public Rollup rollup(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("team") String team) {
    Instant end = to == null || to.isBlank() ? clock.instant() : parse(to, true);
    Instant start =
        from == null || from.isBlank() ? end.minus(Duration.ofDays(7)) : parse(from, false);
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("from must be before to");
    }
    return reports.rollup(
        start,
        end,
        new RollupQueries.Filter(team == null || team.isBlank() ? null : team, null, null));
  }

  @GET
  @Path("/updates.csv")
  @Operation(
      summary = "Export status updates as CSV",
      description =
          "One row per update posted in the period; cells are safe to open in a spreadsheet.")
  @Produces("text/csv")
  @Transactional
  public Response updatesCsv(
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("team") String team)
      throws Exception {
    Instant end =
        to == null || to.isBlank() ? Instant.parse("9999-12-31T00:00:00Z") : parse(to, true);
    Instant start = from == null || from.isBlank() ? Instant.EPOCH : parse(from, false);
    StringBuilder out = new StringBuilder();
    out.append(
        Csv.row(
            "update_id",
            "initiative",
            "team",
            "owner",
            "author",
            "period_due",
            "posted_at",
            "edited_at",
            "version",
            "rag",
            "confidence",
            "percent_complete",
            "summary",
            "progress",
            "risks",
            "asks",
            "ask_to"));
    String sql =
        "SELECT u.id, i.name, i.team, i.owner_id, u.author_id, u.period_due, u.posted_at, u.edited_at, u.version, u.rag,"
            + " u.confidence, u.percent, u.summary, u.progress, u.risks, u.asks, u.ask_to"
            + " FROM status_update u JOIN status_initiative i ON i.id = u.initiative_id"
            + " WHERE u.posted_at >= ? AND u.posted_at < ?"
            + (team == null || team.isBlank() ? "" : " AND lower(i.team) = ?")
            + " ORDER BY u.posted_at, u.id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(start));
      ps.setTimestamp(2, Timestamp.from(end));
      if (team != null && !team.isBlank()) {
        ps.setString(3, team.trim().toLowerCase(Locale.ROOT));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.append(
              Csv.row(
                  String.valueOf(rs.getLong(1)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  time(rs.getTimestamp(6)),
                  time(rs.getTimestamp(7)),
                  time(rs.getTimestamp(8)),
                  String.valueOf(rs.getInt(9)),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getObject(12) == null ? "" : String.valueOf(rs.getInt(12)),
                  rs.getString(13),
                  rs.getString(14),
                  rs.getString(15),
                  rs.getString(16),
                  rs.getString(17)));
        }
      }
    }
    return Response.ok(out.toString(), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"status-updates.csv\"")
        .build();
  }

  private static String time(Timestamp t) {
    return t == null ? "" : t.toInstant().toString();
  }

  static Instant parse(String value, boolean endOfDay) {
    String v = value.trim();
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Dates are ISO: 2026-11-27 or 2026-11-27T10:00:00Z");
    }
  }
}
