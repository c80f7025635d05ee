package vn.giadinhso.hub.criteria;

import java.util.List;
import java.util.Set;

/**
 * When a criterion applies: to households carrying at least one of {@code anyFlag}
 * (e.g. "business" for e-invoices, "producer" for listing products online).
 */
public record Condition(List<String> anyFlag) {
  public Condition {
    anyFlag = List.copyOf(anyFlag == null ? List.of() : anyFlag);
    if (anyFlag.isEmpty()) {
      throw new IllegalArgumentException("a condition needs at least one flag in anyFlag");
    }
  }

  public boolean holdsFor(Set<String> householdFlags) {
    return anyFlag.stream().anyMatch(householdFlags::contains);
  }
}
