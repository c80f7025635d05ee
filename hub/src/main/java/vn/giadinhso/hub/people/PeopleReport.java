package vn.giadinhso.hub.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VNeID level-2 rates counted per person (issue 15), for a commune and each of its villages,
 * against the commune's {@link PersonTargets}. Who counts (decision record hub-026):
 * <ul>
 *   <li><b>residents</b>: members with an ID card number on the roster (an ID hash) who are 14 or
 *       older in the report's year, or whose birth year is unknown: the card is compulsory from 14
 *       (Law on Identification 2023), and VNeID level 2 needs the card;</li>
 *   <li><b>officials</b>: those residents in households flagged "officials' household";</li>
 *   <li><b>youth</b>: members aged 16 to 30 in the report's year (birth year from the ID number),
 *       the age range of the Law on Youth 2020, Article 1.</li>
 * </ul>
 * A member counts as activated when their newest VNeID record says so.
 */
public record PeopleReport(String communeId, int year, PersonTargets targets, List<Area> areas) {
  public static final int CARD_AGE = 14;
  public static final int YOUTH_FROM = 16;
  public static final int YOUTH_TO = 30;

  /** {@code count} of {@code of} activated; percent null when nobody is counted. */
  public record Rate(int count, int of) {
    public Double percent() {
      return of == 0 ? null : 100.0 * count / of;
    }

    Rate plus(boolean activated) {
      return new Rate(count + (activated ? 1 : 0), of + 1);
    }
  }

  /** The commune ({@code village} null, first) or one village. */
  public record Area(String village, Rate residents, Rate officials, Rate youth) {}

  public PeopleReport {
    areas = List.copyOf(areas);
  }

  /** One member as the report needs them. */
  record Person(String village, Integer birthYear, boolean officialsHousehold, boolean activated) {}

  static PeopleReport of(String communeId, int year, PersonTargets targets, List<Person> people) {
    Map<String, Rate[]> byVillage = new LinkedHashMap<>();
    Rate[] commune = {new Rate(0, 0), new Rate(0, 0), new Rate(0, 0)};
    for (Person p : people) {
      Rate[] village = byVillage.computeIfAbsent(p.village(), v -> new Rate[] {new Rate(0, 0), new Rate(0, 0), new Rate(0, 0)});
      for (Rate[] area : List.of(commune, village)) {
        boolean resident = p.birthYear() == null || year - p.birthYear() >= CARD_AGE;
        if (resident) {
          area[0] = area[0].plus(p.activated());
          if (p.officialsHousehold()) {
            area[1] = area[1].plus(p.activated());
          }
        }
        if (p.birthYear() != null && year - p.birthYear() >= YOUTH_FROM && year - p.birthYear() <= YOUTH_TO) {
          area[2] = area[2].plus(p.activated());
        }
      }
    }
    List<Area> areas = new ArrayList<>();
    areas.add(new Area(null, commune[0], commune[1], commune[2]));
    byVillage.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> areas.add(new Area(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])));
    return new PeopleReport(communeId, year, targets, areas);
  }
}
