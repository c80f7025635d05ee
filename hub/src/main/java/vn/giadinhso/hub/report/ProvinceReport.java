package vn.giadinhso.hub.report;

import java.util.List;

/** A province's communes side by side: households and how many are recognised, and the province's total. */
public record ProvinceReport(String province, List<Commune> communes) {
  public ProvinceReport {
    communes = List.copyOf(communes);
  }

  public record Commune(String id, String name, long households, long recognised) {
    public double percent() {
      return households == 0 ? 0 : 100.0 * recognised / households;
    }
  }

  public long households() {
    return communes.stream().mapToLong(Commune::households).sum();
  }

  public long recognised() {
    return communes.stream().mapToLong(Commune::recognised).sum();
  }

  public double percent() {
    return households() == 0 ? 0 : 100.0 * recognised() / households();
  }
}
