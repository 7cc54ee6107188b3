package dev.cosbot.dashboard;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dashboard page shows, already in words: the templates only lay it out, and CSV exports are
 * written from the same tables, so a download says exactly what the page says.
 */
public final class View {
  private View() {}

  /**
   * One table cell. {@code due} (ISO instant) makes it a live clock; {@code cls} colours it; {@code
   * sr} is extra text for screen readers.
   */
  @TemplateData
  public record Cell(String text, String href, String cls, String due, String sr) {
    public static Cell of(String text) {
      return new Cell(text == null ? "" : text, null, null, null, null);
    }

    public static Cell link(String text, String href) {
      return new Cell(text, href, null, null, null);
    }

    public static Cell styled(String text, String cls) {
      return new Cell(text, null, cls, null, null);
    }
  }

  /** A table with an id (for its CSV download) and a message for when it is empty. */
  @TemplateData
  public record Table(
      String id, String caption, List<String> headers, List<List<Cell>> rows, String empty) {
    public boolean isEmpty() {
      return rows.isEmpty();
    }
  }

  /** A headline figure. */
  @TemplateData
  public record Stat(String label, String value, String cls) {}

  /**
   * A chart drawn on the server as inline SVG (no script, no CDN). {@code svg} is built by {@link
   * Charts} with every text escaped; the table next to it carries the same figures in words.
   */
  @TemplateData
  public record Chart(String title, String svg) {}

  /** A part of a page: a heading, a sentence, figures, a chart and/or a table. */
  @TemplateData
  public record Section(String heading, String text, List<Stat> stats, Table table, Chart chart) {
    public Section(String heading, String text, List<Stat> stats, Table table) {
      this(heading, text, stats, table, null);
    }
  }

  /** A choice in a filter. */
  @TemplateData
  public record Option(String value, String label, boolean selected) {}

  /** A filter field of a GET form: a select when it has options, else a search box. */
  @TemplateData
  public record Field(String name, String label, String value, List<Option> options) {
    public boolean select() {
      return options != null;
    }
  }

  /** A whole page. */
  @TemplateData
  public record Page(
      String title,
      String intro,
      List<Field> filters,
      List<Section> sections,
      String csvBase,
      String note) {
    public Table table(String id) {
      for (Section s : sections) {
        if (s.table() != null && s.table().id().equals(id)) {
          return s.table();
        }
      }
      return null;
    }
  }

  /** A small builder for rows. */
  public static final class Rows {
    private final List<List<Cell>> rows = new ArrayList<>();

    public Rows add(Cell... cells) {
      rows.add(List.of(cells));
      return this;
    }

    public List<List<Cell>> list() {
      return rows;
    }
  }
}
