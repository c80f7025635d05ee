package vn.giadinhso.hub.teams;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.giadinhso.hub.household.SearchText;

/**
 * A roster of team members from a CSV file (docs: hub/README.md, "Community technology teams"):
 * columns {@code team,village,full_name,phone,role,username}. A team named for the first time is
 * created (in {@code village}, or for the whole commune when it is blank). Each row is added on its
 * own: a row the register's rules refuse is skipped and reported by line and rule, never by its
 * cells (a phone number or a name typed wrong is not echoed); a row for a member already on that
 * team with that number is counted as unchanged, so the same file can be uploaded again.
 */
public final class TeamRosterCsv {
  public static final List<String> COLUMNS = List.of("team", "village", "full_name", "phone", "role", "username");

  /** A row not added: its line in the file, the rule ({@code teams.error.<kind>}) and the field it names. */
  public record Rejection(long line, String kind, String detail) {}

  public record Outcome(int added, int unchanged, int teamsCreated, List<Rejection> rejections) {}

  private final TeamStore store;

  public TeamRosterCsv(TeamStore store) {
    this.store = store;
  }

  public Outcome run(String communeId, Reader csv) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).get();
    List<Rejection> rejections = new ArrayList<>();
    int added = 0;
    int unchanged = 0;
    int teamsCreated = 0;
    Map<String, String> villages = store.villages(communeId);
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        rejections.add(new Rejection(1, "columns", String.join(",", COLUMNS)));
        return new Outcome(0, 0, 0, rejections);
      }
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord row;
        try {
          if (!records.hasNext()) {
            break;
          }
          row = records.next();
        } catch (UncheckedIOException malformed) {
          rejections.add(new Rejection(line, "malformed", ""));
          break;
        }
        line = row.getRecordNumber() + 1; // the header is line 1
        try {
          MemberDetails details = MemberDetails.of(row.get("full_name"), row.get("phone"), role(row.get("role")),
              row.get("username"));
          String teamName = Texts.required(row.get("team"), "teamName");
          Optional<Team> existing = store.team(communeId, teamName);
          Team team;
          if (existing.isPresent()) {
            team = existing.get();
          } else {
            String village = row.get("village").isBlank() ? null : villageId(villages, row.get("village"));
            team = store.createTeam(communeId, village, teamName);
            teamsCreated++;
          }
          boolean same = store.members(team.id()).stream()
              .anyMatch(m -> m.phone().equals(details.phone()) && m.fullName().equals(details.fullName()));
          if (same) {
            unchanged++;
          } else {
            store.addMember(team, details);
            added++;
          }
        } catch (TeamRejected e) {
          rejections.add(new Rejection(line, e.kind(), e.detail()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Outcome(added, unchanged, teamsCreated, List.copyOf(rejections));
  }

  /** The village named in the file (case and diacritics ignored), or refused. */
  private static String villageId(Map<String, String> villages, String typed) {
    String folded = SearchText.fold(typed);
    return villages.entrySet().stream().filter(v -> SearchText.fold(v.getValue()).equals(folded)).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new TeamRejected("village"));
  }

  /** "tổ trưởng", "To pho", "thành viên" or the English constants, as the role's constant. */
  static String role(String typed) {
    return switch (SearchText.fold(typed)) {
      case "to truong", "leader" -> "LEADER";
      case "to pho", "deputy" -> "DEPUTY";
      case "thanh vien", "member", "" -> "MEMBER";
      default -> typed;
    };
  }
}
