package dev.cosbot.platform.people;

import dev.cosbot.platform.support.NotAllowedException;
import java.util.EnumSet;
import java.util.Set;

/** The person behind a Slack request and the roles they hold. */
public record Caller(String userId, Set<Role> roles) {
  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  public boolean isCxo() {
    return roles.contains(Role.CXO);
  }

  public boolean has(Role role) {
    return role == Role.MEMBER || roles.contains(role);
  }

  /** Throws a polite refusal unless the caller is a Chief of Staff. */
  public void requireAdmin() {
    if (!isAdmin()) {
      throw new NotAllowedException(
          "Sorry, only a Chief of Staff can do that. Ask one of them, or type `/cos help` to see what you can do.");
    }
  }

  public static Caller member(String userId) {
    return new Caller(userId, EnumSet.of(Role.MEMBER));
  }
}
