package dev.cosbot.pulse;

import dev.cosbot.platform.people.PeopleDirectory;
import dev.cosbot.platform.people.Person;
import dev.cosbot.platform.slack.SlackReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Works out who a survey goes to: members of a channel (conversations.members), of a user group
 * (usergroups.users.list) or listed people, without bots and deactivated accounts (users.info via
 * the people directory).
 */
@ApplicationScoped
public class PulseAudience {
  /**
   * A recipient, the time zone their DM is scheduled in, and the index of their slice (the first of
   * the survey's user groups they are in; null for none).
   */
  public record Recipient(String userId, String timeZone, Integer slice) {
    public Recipient(String userId, String timeZone) {
      this(userId, timeZone, null);
    }

    Recipient inSlice(Integer index) {
      return new Recipient(userId, timeZone, index);
    }
  }

  @Inject SlackReads slack;
  @Inject PeopleDirectory people;

  public List<Recipient> resolve(PulseSurvey.AudienceKind kind, String audience) {
    TreeSet<String> ids = new TreeSet<>(memberIds(kind, audience));
    Map<String, Recipient> out = new LinkedHashMap<>();
    for (String id : ids) {
      Optional<Person> person = people.get(id);
      if (person.isPresent() && !person.get().reachable()) {
        continue;
      }
      if ("USLACKBOT".equals(id)) {
        continue;
      }
      out.put(id, new Recipient(id, person.map(p -> p.zone().getId()).orElse("UTC")));
    }
    return new ArrayList<>(out.values());
  }

  /**
   * The recipients with their slice: each is placed in the first listed group they belong to, so
   * slices never overlap. Read when a round opens, before anyone answers.
   */
  public List<Recipient> withSlices(List<Recipient> recipients, List<Slice> slices) {
    if (slices.isEmpty()) {
      return recipients;
    }
    Map<String, Integer> sliceOf = new java.util.HashMap<>();
    for (int i = slices.size() - 1; i >= 0; i--) {
      for (String member : memberIds(PulseSurvey.AudienceKind.USERGROUP, slices.get(i).groupId())) {
        sliceOf.put(member, i);
      }
    }
    return recipients.stream().map(r -> r.inSlice(sliceOf.get(r.userId()))).toList();
  }

  List<String> memberIds(PulseSurvey.AudienceKind kind, String audience) {
    return switch (kind) {
      case PEOPLE ->
          Arrays.stream(audience.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      case USERGROUP ->
          slack
              .read("usergroups.users.list", c -> c.usergroupsUsersList(r -> r.usergroup(audience)))
              .map(r -> r.getUsers() == null ? List.<String>of() : r.getUsers())
              .orElse(List.of());
      case CHANNEL -> channelMembers(audience);
    };
  }

  private List<String> channelMembers(String channel) {
    return slack.channelMembers(channel, 100, null).ids();
  }
}
