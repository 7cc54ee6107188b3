package dev.cosbot.dashboard;

import dev.cosbot.dashboard.DashboardNames.Names;
import dev.cosbot.dashboard.View.Cell;
import dev.cosbot.dashboard.View.Field;
import dev.cosbot.dashboard.View.Option;
import dev.cosbot.dashboard.View.Page;
import dev.cosbot.dashboard.View.Rows;
import dev.cosbot.dashboard.View.Section;
import dev.cosbot.dashboard.View.Stat;
import dev.cosbot.dashboard.View.Table;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.spi.DecisionLog;
import dev.cosbot.platform.spi.DecisionLog.DecisionRow;
import dev.cosbot.platform.spi.EscalationBoard;
import dev.cosbot.platform.spi.EscalationBoard.EscalationRow;
import dev.cosbot.platform.spi.PortfolioBoard;
import dev.cosbot.platform.spi.PortfolioBoard.InitiativeRow;
import dev.cosbot.platform.spi.PulseBoard;
import dev.cosbot.platform.spi.RhythmBoard;
import dev.cosbot.platform.spi.RhythmBoard.OccurrenceRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds each page from the features' read models (SPIs), in the viewer's words and time zone. Pure
 * reading: nothing here changes anything.
 */
@ApplicationScoped
public class DashboardPages {
  static final int STRIP_WEEKS = 8;

  @Inject PortfolioBoard portfolio;
  @Inject EscalationBoard escalations;
  @Inject PulseBoard pulse;
  @Inject DecisionLog decisions;
  @Inject RhythmBoard rhythm;
  @Inject DashboardNames names;

  // ------------------------------------------------------------------------------------- Me

  public Page me(Caller viewer, Wording w) {
    List<InitiativeRow> mine = portfolio.ownedBy(viewer.userId());
    List<EscalationRow> involved = escalations.involving(viewer);
    List<OccurrenceRow> coming = rhythm.between(viewer, w.now(), w.now().plus(Duration.ofDays(30)));
    Set<String> ids = new HashSet<>();
    involved.forEach(e -> ids.addAll(Stream.of(e.ownerId(), e.reporterId()).toList()));
    Names n = names.of(ids);

    Rows prep = new Rows();
    for (OccurrenceRow o : coming) {
      for (RhythmBoard.PrepTask t : o.prep()) {
        if (viewer.userId().equals(t.driId()) && !t.done()) {
          prep.add(
              Cell.of(t.title()),
              Cell.of(o.cadence()),
              Cell.of(w.when(t.dueAt())),
              Cell.of(w.when(o.at())));
        }
      }
    }
    List<Section> sections = new ArrayList<>();
    sections.add(
        new Section(
            "My initiatives",
            "Post updates from the check-in message in Slack.",
            null,
            initiativeTable("my-initiatives", mine, w, n)));
    sections.add(
        new Section(
            "Escalations I raised or own",
            null,
            null,
            escalationTable("my-escalations", involved, w, n, true)));
    sections.add(
        new Section(
            "My prep tasks",
            "Tick them off in the reminder in Slack.",
            null,
            new Table(
                "my-prep",
                "Prep tasks assigned to me in the next 30 days",
                List.of("Task", "For", "Due", "Meeting"),
                prep.list(),
                "Nothing to prepare in the next 30 days.")));
    sections.add(surveysWaiting(viewer, w));
    return new Page(
        "Me",
        "What is yours: your initiatives, your escalations, your prep and the surveys waiting for"
            + " you.",
        List.of(),
        sections,
        "/app/me.csv?",
        zoneNote(w));
  }

  /** Pulse surveys the viewer has not answered yet; answering happens in Slack. */
  private Section surveysWaiting(Caller viewer, Wording w) {
    String slack = slackMessagesLink();
    Rows rows = new Rows();
    for (PulseBoard.WaitingSurvey s : pulse.waitingFor(viewer.userId(), w.now())) {
      rows.add(
          Cell.of(s.title()),
          Cell.of(w.when(s.closesAt())),
          slack == null
              ? Cell.of("Use the Take the survey button in your direct message from cos-bot")
              : Cell.link("Answer in Slack", slack));
    }
    return new Section(
        "Surveys waiting for you",
        "You answer in Slack, from the direct message cos-bot sent you; anonymous surveys stay"
            + " anonymous there.",
        null,
        new Table(
            "my-surveys",
            "Open pulse surveys you have not answered",
            List.of("Survey", "Closes", "Where"),
            rows.list(),
            "No survey is waiting for you."));
  }

  /** The cos-bot app's messages in Slack, once Slack has told us the workspace and app ids. */
  static String slackMessagesLink() {
    return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting()
        .call(
            () ->
                dev.cosbot.platform.people.WorkspaceSetting.get(
                    dev.cosbot.platform.people.WorkspaceSetting.SLACK_APP))
        .map(s -> s.split(" "))
        .filter(
            ids -> ids.length == 2 && ids[0].matches("[A-Z0-9]+") && ids[1].matches("[A-Z0-9]+"))
        .map(ids -> "https://slack.com/app_redirect?app=" + ids[1] + "&team=" + ids[0])
        .orElse(null);
  }

  // ------------------------------------------------------------------------------ Portfolio

  public Page portfolio(Caller viewer, Wording w) {
    List<InitiativeRow> all = portfolio.initiatives();
    Set<String> ids = new HashSet<>();
    all.forEach(
        i -> {
          ids.add(i.ownerId());
          ids.add(i.askToId());
        });
    Names n = names.of(ids);
    long green = all.stream().filter(i -> "GREEN".equals(i.rag())).count();
    long amber = all.stream().filter(i -> "AMBER".equals(i.rag())).count();
    long red = all.stream().filter(i -> "RED".equals(i.rag())).count();
    long missing = all.stream().filter(i -> i.missedInRow() > 0).count();
    long stale = all.stream().filter(InitiativeRow::stale).count();
    List<Stat> stats =
        List.of(
            new Stat("On track", String.valueOf(green), "rag-green"),
            new Stat("At risk", String.valueOf(amber), "rag-amber"),
            new Stat("Off track", String.valueOf(red), "rag-red"),
            new Stat("Missing an update", String.valueOf(missing), null),
            new Stat("Stale", String.valueOf(stale), null));

    Rows risks = new Rows();
    for (InitiativeRow i : all) {
      if (notBlank(i.risks()) || notBlank(i.asks())) {
        risks.add(
            Cell.link(i.name(), "/app/portfolio/" + i.id()),
            Cell.of(team(i.team())),
            Cell.of(i.risks()),
            Cell.of(i.asks()),
            Cell.of(i.askToId() == null ? "—" : n.of(i.askToId())));
      }
    }
    Rows gaps = new Rows();
    for (InitiativeRow i : all) {
      if (i.missedInRow() > 0 || i.stale()) {
        gaps.add(
            Cell.link(i.name(), "/app/portfolio/" + i.id()),
            Cell.of(team(i.team())),
            Cell.of(n.of(i.ownerId())),
            Cell.of(
                i.stale()
                    ? "Stale: " + i.missedInRow() + " updates missed in a row"
                    : i.missedInRow() == 1
                        ? "Missed the last update"
                        : "Missed " + i.missedInRow() + " updates in a row"),
            Cell.of(w.when(i.lastUpdateAt())));
      }
    }
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("At a glance", null, stats, null));
    sections.add(new Section("RAG over the weeks", null, null, strip(w)));
    sections.add(
        new Section(
            "Missing and stale updates",
            null,
            null,
            new Table(
                "gaps",
                "Initiatives whose owners have not posted",
                List.of("Initiative", "Team", "Owner", "What is missing", "Last update"),
                gaps.list(),
                "Every initiative has its latest update.")));
    sections.add(
        new Section(
            "Risks and asks",
            null,
            null,
            new Table(
                "risks",
                "Risks and asks from the latest updates",
                List.of("Initiative", "Team", "Risks", "Asks", "Asked of"),
                risks.list(),
                "No risks or asks in the latest updates.")));
    sections.add(
        new Section("Initiatives by team", null, null, initiativeTable("initiatives", all, w, n)));
    return new Page(
        "Portfolio",
        all.size() + " initiatives in progress.",
        List.of(),
        sections,
        "/app/portfolio.csv?",
        zoneNote(w));
  }

  Table strip(Wording w) {
    LocalDate thisWeek =
        w.now()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate first = thisWeek.minusWeeks(STRIP_WEEKS - 1L);
    Map<String, Map<LocalDate, String>> byTeam = new LinkedHashMap<>();
    for (PortfolioBoard.TeamWeek t :
        portfolio.ragByWeek(first.atStartOfDay(ZoneOffset.UTC).toInstant())) {
      byTeam
          .computeIfAbsent(team(t.team()), k -> new LinkedHashMap<>())
          .put(t.weekStart(), t.worstRag());
    }
    List<String> headers = new ArrayList<>();
    headers.add("Team");
    for (int i = 0; i < STRIP_WEEKS; i++) {
      headers.add("Week of " + w.day(first.plusWeeks(i)).substring(4));
    }
    Rows rows = new Rows();
    for (var e : new java.util.TreeMap<>(byTeam).entrySet()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.of(e.getKey()));
      for (int i = 0; i < STRIP_WEEKS; i++) {
        String rag = e.getValue().get(first.plusWeeks(i));
        cells.add(
            new Cell(
                rag == null ? "No updates" : Wording.rag(rag),
                null,
                Wording.ragClass(rag) + " strip",
                null,
                null));
      }
      rows.list().add(cells);
    }
    return new Table(
        "rag-weeks",
        "The worst RAG each team posted, week by week",
        headers,
        rows.list(),
        "No updates in the last " + STRIP_WEEKS + " weeks.");
  }

  public Optional<Page> initiative(Caller viewer, long id, Wording w) {
    return portfolio
        .initiative(id)
        .map(
            d -> {
              InitiativeRow i = d.initiative();
              Set<String> ids = new HashSet<>();
              ids.add(i.ownerId());
              d.updates().forEach(u -> ids.add(u.authorId()));
              Names n = names.of(ids);
              Rows updates = new Rows();
              for (PortfolioBoard.UpdateRow u : d.updates()) {
                updates.add(
                    Cell.of(w.when(u.postedAt())),
                    Cell.of(n.of(u.authorId())),
                    Cell.styled(Wording.rag(u.rag()), Wording.ragClass(u.rag())),
                    Cell.of(u.summary()),
                    Cell.of(u.progress()),
                    Cell.of(u.risks()),
                    Cell.of(u.asks()),
                    Cell.of(u.percent() == null ? "—" : u.percent() + "%"));
              }
              Rows timeline = new Rows();
              for (PortfolioBoard.RagChange c : d.ragTimeline()) {
                timeline.add(
                    Cell.of(w.when(c.at())),
                    Cell.styled(Wording.rag(c.from()), Wording.ragClass(c.from())),
                    Cell.styled(Wording.rag(c.to()), Wording.ragClass(c.to())));
              }
              List<Stat> stats =
                  List.of(
                      new Stat("Now", Wording.rag(i.rag()), Wording.ragClass(i.rag())),
                      new Stat("Team", team(i.team()), null),
                      new Stat("Owner", n.of(i.ownerId()), null),
                      new Stat("Target date", w.day(d.targetDate()), null));
              return new Page(
                  i.name(),
                  d.description(),
                  List.of(),
                  List.of(
                      new Section(null, null, stats, null),
                      new Section(
                          "RAG timeline",
                          null,
                          null,
                          new Table(
                              "rag-timeline",
                              "Changes of RAG, newest first",
                              List.of("When", "From", "To"),
                              timeline.list(),
                              "The RAG has not changed.")),
                      new Section(
                          "Updates",
                          null,
                          null,
                          new Table(
                              "updates",
                              "Every update, newest first",
                              List.of(
                                  "Posted",
                                  "By",
                                  "RAG",
                                  "Summary",
                                  "Progress",
                                  "Risks",
                                  "Asks",
                                  "Done"),
                              updates.list(),
                              "No update yet."))),
                  "/app/portfolio/" + id + ".csv?",
                  zoneNote(w));
            });
  }

  Table initiativeTable(String id, List<InitiativeRow> rows, Wording w, Names n) {
    Rows out = new Rows();
    for (InitiativeRow i : rows) {
      String flags =
          i.paused() ? "Paused" : i.stale() ? "Stale" : i.missedInRow() > 0 ? "Update missing" : "";
      out.add(
          Cell.link(i.name(), "/app/portfolio/" + i.id()),
          Cell.of(team(i.team())),
          Cell.of(n.of(i.ownerId())),
          Cell.styled(Wording.rag(i.rag()), Wording.ragClass(i.rag())),
          Cell.of(w.when(i.lastUpdateAt())),
          Cell.of(flags));
    }
    return new Table(
        id,
        null,
        List.of("Initiative", "Team", "Owner", "RAG", "Last update", "Attention"),
        out.list(),
        "No initiatives.");
  }

  // ---------------------------------------------------------------------------- Escalations

  /** Filters: area, severity (S1…), owner (user id); blank means any. */
  public Page escalations(Caller viewer, Wording w, String area, String severity, String owner) {
    List<EscalationRow> open = escalations.unresolved(viewer);
    Set<String> ids = new HashSet<>();
    open.forEach(
        e -> {
          ids.add(e.ownerId());
          ids.add(e.reporterId());
        });
    Names n = names.of(ids);
    List<EscalationRow> shown =
        open.stream()
            .filter(e -> blank(area) || area.equalsIgnoreCase(e.area()))
            .filter(e -> blank(severity) || severity.equalsIgnoreCase(e.severity()))
            .filter(e -> blank(owner) || owner.equals(e.ownerId()))
            .toList();
    Rows times = new Rows();
    for (EscalationBoard.AreaTimes t : escalations.areaTimes()) {
      times.add(
          Cell.of(t.area()),
          Cell.of(String.valueOf(t.total())),
          Cell.of(String.valueOf(t.open())),
          Cell.of(Wording.seconds(t.medianAckSeconds())),
          Cell.of(Wording.seconds(t.medianResolveSeconds())));
    }
    TreeSet<String> areas = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    open.forEach(e -> areas.add(e.area()));
    List<Option> areaOptions = new ArrayList<>();
    areaOptions.add(new Option("", "Any area", blank(area)));
    areas.forEach(a -> areaOptions.add(new Option(a, a, a.equalsIgnoreCase(nz(area)))));
    List<Option> severityOptions = new ArrayList<>();
    severityOptions.add(new Option("", "Any severity", blank(severity)));
    for (String s : List.of("S1", "S2", "S3")) {
      String label = s + " " + (s.equals("S1") ? "critical" : s.equals("S2") ? "high" : "normal");
      severityOptions.add(new Option(s, label, s.equalsIgnoreCase(nz(severity))));
    }
    List<Option> ownerOptions = new ArrayList<>();
    ownerOptions.add(new Option("", "Anyone", blank(owner)));
    open.stream()
        .map(EscalationRow::ownerId)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .sorted(java.util.Comparator.comparing(n::of))
        .forEach(o -> ownerOptions.add(new Option(o, n.of(o), o.equals(owner))));
    LocalDate firstWeek =
        w.now()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusWeeks(EscalationSections.WEEKS - 1L);
    return new Page(
        "Escalations",
        viewer.isAdmin()
            ? "Every open escalation, including confidential ones."
            : "Open escalations you may see. Confidential ones are shown only to the people"
                + " involved and the Chiefs of Staff.",
        List.of(
            new Field("area", "Area", nz(area), areaOptions),
            new Field("severity", "Severity", nz(severity), severityOptions),
            new Field("owner", "Owner", nz(owner), ownerOptions)),
        Stream.concat(
                Stream.of(
                    new Section(
                        "Open",
                        shown.size()
                            + (shown.size() == 1 ? " open escalation." : " open escalations."),
                        null,
                        escalationTable("open", shown, w, n, false)),
                    new Section(
                        "Time to acknowledge and resolve by area",
                        "Medians over all escalations that are not confidential.",
                        null,
                        new Table(
                            "area-times",
                            null,
                            List.of(
                                "Area", "Raised", "Open", "Acknowledged within", "Resolved within"),
                            times.list(),
                            "No escalations yet."))),
                EscalationSections.weekly(
                    escalations.areaWeeks(firstWeek.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    firstWeek,
                    w)
                    .stream())
            .toList(),
        "/app/escalations.csv?"
            + query("area", area)
            + query("severity", severity)
            + query("owner", owner),
        zoneNote(w));
  }

  Table escalationTable(
      String id, List<EscalationRow> rows, Wording w, Names n, boolean withState) {
    Rows out = new Rows();
    for (EscalationRow e : rows) {
      Instant due = e.acknowledged() ? e.resolveDueAt() : e.ackDueAt();
      String dueWhat = e.acknowledged() ? "resolve " : "acknowledge ";
      String state =
          e.resolved() ? "Resolved" : e.acknowledged() ? "Acknowledged" : "Waiting for the owner";
      Cell clock =
          e.resolved()
              ? Cell.of("Resolved " + w.when(e.resolvedAt()))
              : new Cell(
                  w.clock(due),
                  null,
                  due != null && due.isBefore(w.now()) ? "overdue" : null,
                  due == null ? null : due.toString(),
                  "Time left to " + dueWhat);
      out.add(
          Cell.styled(
              e.severity() + " " + e.severityLabel(),
              "sev sev-" + e.severity().toLowerCase(Locale.ROOT)),
          Cell.of(e.title() + (e.confidential() ? " (confidential)" : "")),
          Cell.of(e.area()),
          Cell.of(
              e.ownerId() != null
                  ? n.of(e.ownerId())
                  : e.ownerGroup() != null ? "A user group" : "The Chiefs of Staff"),
          Cell.of(n.of(e.reporterId())),
          Cell.of(w.when(e.createdAt())),
          withState ? Cell.of(state) : Cell.of(e.acknowledged() ? "Acknowledged" : "Not yet"),
          clock);
    }
    return new Table(
        id,
        null,
        List.of(
            "Severity",
            "Title",
            "Area",
            "Owner",
            "Raised by",
            "Raised",
            withState ? "State" : "Acknowledged",
            "SLA clock"),
        out.list(),
        "No open escalations.");
  }

  // ---------------------------------------------------------------------------------- Pulse

  public Page pulse(Caller viewer, Wording w) {
    List<Section> sections = new ArrayList<>();
    for (PulseBoard.SurveyRow s : pulse.results()) {
      Rows rounds = new Rows();
      Map<Integer, String> questionText = new LinkedHashMap<>();
      for (PulseBoard.RoundRow r : s.rounds()) {
        r.questions().forEach(q -> questionText.putIfAbsent(q.number(), q.text()));
      }
      for (PulseBoard.RoundRow r : s.rounds()) {
        String status =
            r.visible()
                ? (r.closed()
                    ? "Closed"
                    : "Open — interim results released " + w.when(r.releasedAt()))
                : (r.closed()
                    ? "Hidden: too few answers to keep them anonymous"
                    : "Open — no results released yet");
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of("Round " + r.seq()));
        cells.add(Cell.of(status));
        cells.add(
            Cell.of(
                r.visible() ? r.responses() + " of " + r.recipients() : "— of " + r.recipients()));
        for (Integer number : questionText.keySet()) {
          PulseBoard.QuestionRow q =
              r.questions().stream().filter(x -> x.number() == number).findFirst().orElse(null);
          cells.add(Cell.of(q == null ? "—" : score(q)));
        }
        rounds.list().add(cells);
      }
      List<String> headers = new ArrayList<>(List.of("Round", "Status", "Answers"));
      questionText.forEach((num, text) -> headers.add("Q" + num + ": " + text));
      sections.add(
          new Section(
              s.title(),
              s.anonymous() ? "Anonymous survey." : "Named survey.",
              null,
              new Table(
                  "survey-" + s.id(),
                  "Results by round",
                  headers,
                  rounds.list(),
                  "No rounds yet.")));
      Stream.of(PulseSections.trends(s, questionText), PulseSections.heatmap(s, questionText))
          .filter(java.util.Objects::nonNull)
          .forEach(sections::add);
    }
    return new Page(
        "Pulse",
        "Released results only, under the same rules as in Slack: a round with too few answers"
            + " shows nothing but how many were asked, and free-text answers stay in Slack.",
        List.of(),
        sections,
        "/app/pulse.csv?",
        zoneNote(w));
  }

  private static String score(PulseBoard.QuestionRow q) {
    if (q.enps() != null) {
      return "eNPS " + (q.enps() > 0 ? "+" : "") + q.enps();
    }
    if (q.mean() != null) {
      return String.format(Locale.ENGLISH, "%.1f average", q.mean());
    }
    return q.answered() + " answered";
  }

  // ------------------------------------------------------------------------------ Decisions

  public Page decisions(Caller viewer, Wording w, String words) {
    List<DecisionRow> found = decisions.search(viewer, words, 500);
    Set<String> ids = new HashSet<>();
    found.forEach(
        d -> {
          ids.add(d.askerId());
          ids.add(d.decidedById());
          ids.add(d.delegatedToId());
        });
    Names n = names.of(ids);
    Rows rows = new Rows();
    for (DecisionRow d : found) {
      rows.add(
          Cell.of(d.question()),
          Cell.of(d.options()),
          Cell.styled(
              d.outcome()
                  + (d.chosenOption() != null ? ": " + d.chosenOption() : "")
                  + (d.delegatedToId() != null ? " to " + n.of(d.delegatedToId()) : ""),
              d.open() ? "pending" : null),
          Cell.of(d.note()),
          Cell.of(n.of(d.askerId())),
          Cell.of(d.decidedById() == null ? "—" : n.of(d.decidedById())),
          Cell.of(w.when(d.decidedAt())),
          Cell.of(w.day(d.neededBy())));
    }
    return new Page(
        "Decisions",
        viewer.isAdmin() || viewer.isCxo()
            ? "The decision log."
            : "The decisions you asked for or were handed.",
        List.of(new Field("q", "Search", nz(words), null)),
        List.of(
            new Section(
                null,
                found.size() + (found.size() == 1 ? " decision." : " decisions."),
                null,
                new Table(
                    "decisions",
                    null,
                    List.of(
                        "Question",
                        "Options",
                        "Outcome",
                        "Note",
                        "Asked by",
                        "Decided by",
                        "Decided",
                        "Needed by"),
                    rows.list(),
                    blank(words) ? "No decisions yet." : "No decision matches those words."))),
        "/app/decisions.csv?" + query("q", words),
        zoneNote(w));
  }

  // --------------------------------------------------------------------------------- Rhythm

  public Page rhythm(Caller viewer, Wording w) {
    Instant to = w.now().plus(Duration.ofDays(91));
    List<OccurrenceRow> coming = rhythm.between(viewer, w.now(), to);
    Set<String> ids = new HashSet<>();
    coming.forEach(o -> ids.add(o.ownerId()));
    Names n = names.of(ids);
    Rows rows = new Rows();
    for (OccurrenceRow o : coming) {
      long done = o.prepDone();
      int total = o.prep().size();
      rows.add(
          Cell.of(w.when(o.at())),
          Cell.of(o.cadence()),
          Cell.of(n.of(o.ownerId())),
          Cell.styled(
              total == 0 ? "No prep" : done + " of " + total + " ready",
              total > 0 && done < total ? "pending" : null));
    }
    Optional<String> feed = rhythm.feedUrl(viewer);
    return new Page(
        "Rhythm of the business",
        "The next quarter of meetings and reviews, with how ready their prep is.",
        List.of(),
        List.of(
            new Section(
                feed.isPresent() ? "Subscribe" : null,
                feed.map(
                        u ->
                            "Add the calendar to your calendar app with this address (it lists"
                                + " the cadences of public channels): "
                                + u)
                    .orElse(null),
                null,
                null),
            new Section(
                "Next quarter",
                null,
                null,
                new Table(
                    "occurrences",
                    null,
                    List.of("When", "Cadence", "Owner", "Prep"),
                    rows.list(),
                    "No cadences in the next quarter."))),
        "/app/rhythm.csv?",
        zoneNote(w));
  }

  // -------------------------------------------------------------------- Weekly business review

  public Page review(Caller viewer, Wording w) {
    Instant since = w.now().minus(Duration.ofDays(7));
    List<InitiativeRow> all = portfolio.initiatives();
    Map<Long, InitiativeRow> byId = new LinkedHashMap<>();
    all.forEach(i -> byId.put(i.id(), i));
    List<EscalationRow> open = escalations.unresolved(viewer);
    List<EscalationRow> resolved = escalations.resolvedSince(viewer, since);
    List<DecisionRow> decided =
        decisions.search(viewer, null, 500).stream()
            .filter(d -> d.decidedAt() != null && !d.decidedAt().isBefore(since))
            .toList();
    Set<String> ids = new HashSet<>();
    all.forEach(i -> ids.add(i.ownerId()));
    open.forEach(e -> ids.add(e.ownerId()));
    open.forEach(e -> ids.add(e.reporterId()));
    resolved.forEach(e -> ids.add(e.ownerId()));
    resolved.forEach(e -> ids.add(e.reporterId()));
    decided.forEach(d -> ids.add(d.askerId()));
    decided.forEach(d -> ids.add(d.decidedById()));
    Names n = names.of(ids);

    List<InitiativeRow> attention =
        all.stream().filter(i -> "RED".equals(i.rag()) || "AMBER".equals(i.rag())).toList();
    Rows decidedRows = new Rows();
    for (DecisionRow d : decided) {
      decidedRows.add(
          Cell.of(d.question()),
          Cell.of(d.outcome() + (d.chosenOption() != null ? ": " + d.chosenOption() : "")),
          Cell.of(n.of(d.decidedById())),
          Cell.of(w.when(d.decidedAt())));
    }
    Rows pulseRows = new Rows();
    for (PulseBoard.SurveyRow s : pulse.results()) {
      s.rounds().stream()
          .filter(PulseBoard.RoundRow::visible)
          .reduce((a, b) -> b)
          .ifPresent(
              r ->
                  pulseRows.add(
                      Cell.of(s.title()),
                      Cell.of("Round " + r.seq()),
                      Cell.of(r.responses() + " of " + r.recipients()),
                      Cell.of(
                          r.questions().stream()
                              .map(q -> q.text() + ": " + score(q))
                              .reduce((a, b) -> a + "; " + b)
                              .orElse("—"))));
    }
    long green = all.stream().filter(i -> "GREEN".equals(i.rag())).count();
    return new Page(
        "Weekly business review",
        "The week to "
            + w.day(w.now())
            + ": print it (or save it as PDF) for the staff meeting or the board deck.",
        List.of(),
        List.of(
            new Section(
                "Portfolio",
                null,
                List.of(
                    new Stat("On track", String.valueOf(green), "rag-green"),
                    new Stat(
                        "At risk",
                        String.valueOf(
                            attention.stream().filter(i -> "AMBER".equals(i.rag())).count()),
                        "rag-amber"),
                    new Stat(
                        "Off track",
                        String.valueOf(
                            attention.stream().filter(i -> "RED".equals(i.rag())).count()),
                        "rag-red"),
                    new Stat(
                        "RAG changes this week",
                        String.valueOf(portfolio.changesSince(since).size()),
                        null)),
                initiativeTable("attention", attention, w, n)),
            new Section(
                "Escalations",
                open.size() + " open, " + resolved.size() + " resolved this week.",
                null,
                escalationTable("review-escalations", open, w, n, true)),
            new Section(
                "Decisions this week",
                null,
                null,
                new Table(
                    "review-decisions",
                    null,
                    List.of("Question", "Outcome", "Decided by", "Decided"),
                    decidedRows.list(),
                    "No decisions this week.")),
            new Section(
                "Pulse",
                "The latest released round of each survey.",
                null,
                new Table(
                    "review-pulse",
                    null,
                    List.of("Survey", "Round", "Answers", "Results"),
                    pulseRows.list(),
                    "No released results."))),
        "/app/review.csv?",
        zoneNote(w));
  }

  // ------------------------------------------------------------------------------- helpers

  private static String zoneNote(Wording w) {
    return "Times are shown in " + w.zone().getId() + ".";
  }

  static String team(String team) {
    return team == null || team.isBlank() ? "No team" : team;
  }

  private static String query(String name, String value) {
    return blank(value)
        ? ""
        : name
            + "="
            + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
            + "&";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean notBlank(String s) {
    return !blank(s);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
