package vn.giadinhso.hub.household;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A household on a commune's roster. Groups and flags are kept sorted, so equal content hashes alike. */
public record Household(
    String code,
    String communeId,
    String village,
    String headName,
    List<Member> members,
    Set<String> groups,
    Set<String> flags) {

  public Household {
    members = List.copyOf(members);
    groups = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(groups));
    flags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(flags));
  }
}
