package dev.cosbot.dashboard;

import dev.cosbot.dashboard.DashboardNames.Names;
import dev.cosbot.dashboard.View.Cell;
import dev.cosbot.dashboard.View.Option;
import dev.cosbot.dashboard.View.Rows;
import dev.cosbot.dashboard.View.Table;
import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Person;
import dev.cosbot.platform.spi.WorkspaceControls;
import dev.cosbot.platform.support.UserFacingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings page (Chiefs of Staff only): reads the features' controls through {@link
 * WorkspaceControls} and applies a change together with its audit entry, in one transaction.
 */
@ApplicationScoped
public class DashboardSettingsPage {
  @Inject @Any Instance<WorkspaceControls> controls;
  @Inject DashboardNames names;
  @Inject DashboardAudit audit;
  @Inject Clock clock;

  /** Everything the settings template shows. */
  @TemplateData
  public record Model(
      List<Option> admins,
      String cxo,
      List<Option> people,
      Table routes,
      List<Option> routeChoices,
      Table sla,
      List<SlaForm> slaForms,
      String digest,
      String digestAt,
      List<Option> digestDays,
      Table audit) {}

  /** One severity's targets as the form shows them, in words ("4 hours", "1 business day"). */
  @TemplateData
  public record SlaForm(String severity, String label, String ack, String resolve) {}

  public Model model(Wording w) {
    List<String> adminIds = first(WorkspaceControls::chiefsOfStaff);
    Optional<String> cxo =
        controls.stream().map(WorkspaceControls::cxo).flatMap(Optional::stream).findFirst();
    List<WorkspaceControls.RouteRow> routes = first(WorkspaceControls::routes);
    List<DashboardAudit.Entry> entries = audit.latest(50);
    Set<String> ids = new HashSet<>(adminIds);
    cxo.ifPresent(ids::add);
    routes.forEach(r -> ids.add(r.ownerId()));
    entries.forEach(e -> ids.add(e.userId()));
    List<Person> pickable = names.pickable();
    pickable.forEach(p -> ids.add(p.slackUserId));
    Names n = names.of(ids);

    Rows routeRows = new Rows();
    List<Option> routeChoices = new ArrayList<>();
    for (WorkspaceControls.RouteRow r : routes) {
      String owner =
          r.ownerId() != null
              ? n.of(r.ownerId())
              : r.ownerGroup() != null ? "A user group" : "The Chiefs of Staff";
      routeRows.add(
          Cell.of(String.valueOf(r.id())),
          Cell.of(r.area() == null ? "Any area" : r.area()),
          Cell.of(r.keywords() == null ? "—" : r.keywords()),
          Cell.of(owner));
      routeChoices.add(
          new Option(
              String.valueOf(r.id()),
              "Rule " + r.id() + (r.area() == null ? "" : " (" + r.area() + ")"),
              false));
    }
    Rows sla = new Rows();
    List<SlaForm> slaForms = new ArrayList<>();
    for (WorkspaceControls.SlaTarget t : first(WorkspaceControls::slaTargets)) {
      sla.add(
          Cell.of(t.severity() + " " + t.severityLabel()), Cell.of(t.ack()), Cell.of(t.resolve()));
      slaForms.add(new SlaForm(t.severity(), t.severityLabel(), t.ack(), t.resolve()));
    }
    Optional<WorkspaceControls.DigestTime> digestTime =
        controls.stream().map(WorkspaceControls::digestTime).flatMap(Optional::stream).findFirst();
    List<Option> digestDays = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      digestDays.add(
          new Option(
              d.name(), dayName(d), digestTime.map(t -> t.days().contains(d)).orElse(false)));
    }
    String digest =
        digestTime
            .map(
                d ->
                    "At "
                        + d.sendAt()
                        + " in the CXO's own time zone, on "
                        + d.days().stream()
                            .sorted()
                            .map(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                            .collect(Collectors.joining(", "))
                        + ".")
            .orElse("Not configured.");
    Rows auditRows = new Rows();
    for (DashboardAudit.Entry e : entries) {
      auditRows.add(
          Cell.of(w.when(e.at())),
          Cell.of(n.of(e.userId())),
          Cell.of(withNames(e.description(), n)));
    }
    return new Model(
        adminIds.stream().map(id -> new Option(id, n.of(id), false)).toList(),
        cxo.map(n::of).orElse("Not named yet"),
        pickable.stream().map(p -> new Option(p.slackUserId, p.name(), false)).toList(),
        new Table(
            "routes",
            "Routing rules, in the order they are tried",
            List.of("Rule", "Area", "Keywords", "Owner"),
            routeRows.list(),
            "No rules: every escalation goes to the Chiefs of Staff."),
        routeChoices,
        new Table(
            "sla",
            "SLA targets",
            List.of("Severity", "Acknowledge within", "Resolve within"),
            sla.list(),
            "No SLA targets."),
        slaForms,
        digest,
        digestTime.map(t -> t.sendAt().toString()).orElse(""),
        digestDays,
        new Table(
            "audit",
            "Changes made here, newest first",
            List.of("When", "Who", "Change"),
            auditRows.list(),
            "No changes yet."));
  }

  /**
   * Applies {@code change} for {@code by} and records it in the audit trail, together or not at
   * all. Returns the plain-text description for the confirmation.
   */
  public String apply(Caller by, String change, Map<String, String> fields) {
    by.requireAdmin();
    WorkspaceControls control =
        controls.stream()
            .filter(c -> c.handles(change))
            .findFirst()
            .orElseThrow(() -> new UserFacingException("That setting cannot be changed here."));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              String description = control.apply(by, change, fields);
              audit.record(clock.instant(), by.userId(), change, description);
              return description;
            });
  }

  /** Replaces the Slack ids in an audit description with names. */
  String withNames(String description, Names n) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\b[UW][A-Z0-9]{4,20}\\b").matcher(description);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(n.of(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private <T> List<T> first(java.util.function.Function<WorkspaceControls, List<T>> read) {
    for (WorkspaceControls c : controls) {
      List<T> found = read.apply(c);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  static String dayName(DayOfWeek d) {
    return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
