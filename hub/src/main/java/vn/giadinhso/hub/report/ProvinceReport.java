package vn.giadinhso.hub.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A province's communes side by side: the roll-up's figures per commune, and the province's total. */
public record ProvinceReport(String province, List<Commune> communes) {
  public ProvinceReport {
    communes = List.copyOf(communes);
  }

  /**
   * One commune: households, recognised, those meeting VNeID level 2 (null when its criteria set
   * has no such criterion), its target groups commune-wide (as its report shows them), and how
   * many of today's recognised households became so in each month ({@code yyyy-MM} → n).
   */
  public record Commune(String id, String name, long households, long recognised, Long vneidLevel2,
      List<CommuneReport.GroupRate> groups, Map<String, Long> recognisedSince) {
    public Commune {
      groups = List.copyOf(groups);
      recognisedSince = Map.copyOf(recognisedSince);
    }

    public double percent() {
      return CommuneReport.percent(recognised, households);
    }

    public Double vneidPercent() {
      return vneidLevel2 == null ? null : CommuneReport.percent(vneidLevel2, households);
    }
  }

  public long households() {
    return communes.stream().mapToLong(Commune::households).sum();
  }

  public long recognised() {
    return communes.stream().mapToLong(Commune::recognised).sum();
  }

  public double percent() {
    return CommuneReport.percent(recognised(), households());
  }

  /** The communes' recognised-since months summed: the province's trend source. */
  public TreeMap<String, Long> recognisedSince() {
    TreeMap<String, Long> out = new TreeMap<>();
    communes.forEach(c -> c.recognisedSince().forEach((m, n) -> out.merge(m, n, Long::sum)));
    return out;
  }
}
