package dev.cosbot.admin;

import dev.cosbot.platform.people.Caller;
import dev.cosbot.platform.people.Roles;
import dev.cosbot.platform.spi.WorkspaceControls;
import dev.cosbot.platform.support.UserFacingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Chiefs of Staff and the CXO as the dashboard's settings page shows and changes them. */
@ApplicationScoped
public class AdminControls implements WorkspaceControls {
  static final Set<String> CHANGES = Set.of("admin.add", "admin.remove", "cxo.set");

  @Inject AdminService service;
  @Inject Roles roles;

  @Override
  public List<String> chiefsOfStaff() {
    return roles.admins();
  }

  @Override
  public Optional<String> cxo() {
    return roles.cxo();
  }

  @Override
  public boolean handles(String change) {
    return CHANGES.contains(change);
  }

  @Override
  public String apply(Caller by, String change, Map<String, String> fields) {
    String user = fields.get("user");
    if (user == null || !user.matches("[UW][A-Z0-9]{2,20}")) {
      throw new UserFacingException("Pick a person first.");
    }
    return switch (change) {
      case "admin.add" -> {
        service.addAdmin(by, user);
        yield "Made " + user + " a Chief of Staff";
      }
      case "admin.remove" -> {
        service.removeAdmin(by, user);
        yield "Removed " + user + " as Chief of Staff";
      }
      default -> {
        service.setCxo(by, user);
        yield "Named " + user + " the CXO";
      }
    };
  }
}
