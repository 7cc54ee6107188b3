package dev.cosbot.cadence;

import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * The iCalendar (RFC 5545) feed: one VEVENT per upcoming occurrence, times in UTC, stable UIDs (so
 * a subscribed calendar updates events instead of duplicating them). Built and validated with
 * ical4j.
 */
public final class CalendarFeed {
  private CalendarFeed() {}

  public static String render(List<Occurrence> occurrences, Instant now, int eventMinutes) {
    return render(occurrences, now, eventMinutes, o -> "");
  }

  /** The feed, each event's description followed by {@code extra} (other features' parts). */
  public static String render(
      List<Occurrence> occurrences,
      Instant now,
      int eventMinutes,
      java.util.function.Function<Occurrence, String> extra) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//cos-bot//Cadences//EN"));
    calendar.add(new Version(new ParameterList(), "2.0"));
    calendar.add(new CalScale("GREGORIAN"));
    calendar.add(new XProperty("X-WR-CALNAME", "cos-bot cadences"));
    for (Occurrence o : occurrences) {
      Cadence c = o.cadence();
      VEvent event = new VEvent(o.at(), java.time.Duration.ofMinutes(eventMinutes), c.name);
      event.replace(new DtStamp(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
      event.add(new Uid("cadence-" + c.id + "-" + o.epoch() + "@cos-bot"));
      StringBuilder description = new StringBuilder();
      if (c.message != null && !c.message.isBlank()) {
        description.append(c.message).append("\n\n");
      }
      if (!o.tasks().isEmpty()) {
        description
            .append("Prep: ")
            .append(o.readyCount())
            .append('/')
            .append(o.tasks().size())
            .append(" ready");
      }
      String more = extra.apply(o);
      if (more != null && !more.isBlank()) {
        description.append(description.length() == 0 ? "" : "\n\n").append(more.strip());
      }
      if (description.length() > 0) {
        event.add(new Description(description.toString().trim()));
      }
      calendar.add(event);
    }
    try {
      calendar.validate();
    } catch (Exception e) {
      throw new IllegalStateException("calendar feed does not validate", e);
    }
    return calendar.toString();
  }
}
