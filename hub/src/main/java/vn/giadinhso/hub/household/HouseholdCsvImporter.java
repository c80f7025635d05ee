package vn.giadinhso.hub.household;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.identity.CitizenIdNumber;
import vn.giadinhso.hub.identity.MemberKeys;
import vn.giadinhso.hub.identity.PersonName;

/**
 * Imports a commune's households from CSV (format in docs/households-csv.md). Every row is
 * checked; valid rows are upserted by household code in batches, so re-importing the same file
 * changes nothing, and one bad row never blocks the others.
 */
public final class HouseholdCsvImporter {
  static final List<String> COLUMNS = List.of("household_code", "village", "head_name", "members", "groups", "flags");
  private static final Pattern MEMBER_WITH_ID = Pattern.compile("(.+?)\\s*\\(\\s*([^()]*?)\\s*\\)");
  private static final int BATCH = 1000;

  private final HouseholdStore store;
  private final MemberKeys hasher;
  private final boolean labelsFromFile;

  /**
   * @param labelsFromFile whether the file's groups and flags replace those staff set on the
   *     dashboard (which then follow the file again); by default staff's are kept
   */
  public HouseholdCsvImporter(HouseholdStore store, MemberKeys hasher, boolean labelsFromFile) {
    this.store = store;
    this.hasher = hasher;
    this.labelsFromFile = labelsFromFile;
  }

  private UpsertCounts upsert(List<Household> batch) {
    UpsertCounts counts = store.upsert(batch);
    if (labelsFromFile) {
      store.releaseLabelsSetByStaff(batch.stream().map(Household::code).toList());
    }
    return counts;
  }

  /**
   * @param progress told the number of rows read so far, every 10,000 rows
   */
  public ImportReport run(CriteriaSet set, Reader csv, LongConsumer progress) throws IOException {
    String communeId = set.communeId();
    Map<String, String> communeByCode = store.communeByCode();
    Map<String, String> householdByHash = new HashMap<>(store.householdByMemberHash(communeId));
    Map<String, Long> seenCodes = new HashMap<>();
    Map<String, HouseholdStore.Labels> staffLabels = labelsFromFile ? Map.of() : store.labelsSetByStaff(communeId);
    int keptStaffLabels = 0;
    List<ImportReport.Rejection> rejections = new ArrayList<>();
    List<Household> batch = new ArrayList<>(BATCH);
    UpsertCounts counts = new UpsertCounts(0, 0, 0);

    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(skipBom(csv), format)) {
      List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        rejections.add(new ImportReport.Rejection(1, "header lacks column(s) " + String.join(", ", missing)
            + "; expected " + String.join(",", COLUMNS)));
        return new ImportReport(counts, rejections, 0);
      }
      Iterator<CSVRecord> records = parser.iterator();
      long rows = 0;
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException malformed) {
          rejections.add(new ImportReport.Rejection(line, "malformed CSV, import stopped here: "
              + malformed.getCause().getMessage()));
          break;
        }
        rows++;
        if (rows % 10_000 == 0) {
          progress.accept(rows);
        }
        try {
          Household household = parse(record, set, communeByCode);
          Long earlier = seenCodes.putIfAbsent(household.code(), line);
          if (earlier != null) {
            throw new RowProblem("household code " + household.code() + " already appears on line " + earlier);
          }
          claimMemberIds(household, householdByHash);
          HouseholdStore.Labels kept = staffLabels.get(household.code());
          if (kept != null && !(kept.groups().equals(household.groups()) && kept.flags().equals(household.flags()))) {
            household = new Household(household.code(), household.communeId(), household.village(),
                household.headName(), household.members(), kept.groups(), kept.flags());
            keptStaffLabels++;
          }
          batch.add(household);
        } catch (RowProblem problem) {
          rejections.add(new ImportReport.Rejection(line, problem.getMessage()));
        }
        if (batch.size() == BATCH) {
          counts = counts.plus(upsert(batch));
          batch.clear();
        }
      }
      counts = counts.plus(upsert(batch));
    }
    return new ImportReport(counts, rejections, keptStaffLabels);
  }

  private Household parse(CSVRecord record, CriteriaSet set, Map<String, String> communeByCode) throws RowProblem {
    if (!record.isConsistent()) {
      throw new RowProblem("expected " + record.getParser().getHeaderNames().size() + " fields, found " + record.size());
    }
    String code = record.get("household_code");
    if (!HouseholdQr.HOUSEHOLD_CODE.matcher(code).matches()) {
      throw new RowProblem("household_code \"" + clip(code) + "\" must be 1-32 of A-Z 0-9 -");
    }
    String owner = communeByCode.get(code);
    if (owner != null && !owner.equals(set.communeId())) {
      throw new RowProblem("household code " + code + " already belongs to commune " + owner);
    }
    String village = PersonName.normalise(record.get("village"));
    if (village.isEmpty()) {
      throw new RowProblem("village is empty");
    }
    String head = PersonName.normalise(record.get("head_name"));
    if (head.isEmpty()) {
      throw new RowProblem("head_name is empty");
    }
    List<Member> members = members(set.communeId(), record.get("members"));
    Set<String> groups = list(record.get("groups"));
    for (String g : groups) {
      if (!set.knowsGroup(g)) {
        throw new RowProblem("group \"" + clip(g) + "\" is not one of " + set.communeId() + "'s groups "
            + set.groups().stream().map(x -> x.id()).toList());
      }
    }
    Set<String> flags = list(record.get("flags"));
    for (String f : flags) {
      if (!set.flags().contains(f)) {
        throw new RowProblem("flag \"" + clip(f) + "\" is not one of " + set.flags());
      }
    }
    return new Household(code, set.communeId(), village, head, members, new TreeSet<>(groups), new TreeSet<>(flags));
  }

  private List<Member> members(String communeId, String cell) throws RowProblem {
    List<Member> members = new ArrayList<>();
    int position = 0;
    for (String part : cell.split(";")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      position++;
      Matcher withId = MEMBER_WITH_ID.matcher(item);
      if (withId.matches()) {
        String id = withId.group(2);
        var problem = CitizenIdNumber.problem(id);
        if (problem.isPresent()) {
          // The reason never repeats the number: rejected rows end up in terminals and e-mails.
          throw new RowProblem("member " + position + " (" + PersonName.masked(withId.group(1)) + "): " + problem.get());
        }
        String name = PersonName.normalise(withId.group(1));
        members.add(new Member(name, hasher.hash(communeId, id), CitizenIdNumber.masked(id)));
      } else if (item.matches(".*\\d{6,}.*")) {
        throw new RowProblem("member " + position + ": write the ID number in brackets after the name, "
            + "e.g. Nguyễn Văn An (001099012345)");
      } else {
        members.add(new Member(PersonName.normalise(item), null, null));
      }
    }
    if (members.isEmpty()) {
      throw new RowProblem("members is empty; list at least the head of household");
    }
    return members;
  }

  private static void claimMemberIds(Household household, Map<String, String> householdByHash) throws RowProblem {
    for (Member m : household.members()) {
      if (m.idHash() == null) {
        continue;
      }
      String owner = householdByHash.putIfAbsent(m.idHash(), household.code());
      if (owner != null && !owner.equals(household.code())) {
        throw new RowProblem("member " + PersonName.masked(m.fullName()) + " (" + m.idMasked()
            + ") is already a member of household " + owner);
      }
    }
  }

  private static Set<String> list(String cell) {
    Set<String> out = new TreeSet<>();
    for (String part : cell.split(";")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static Reader skipBom(Reader in) throws IOException {
    java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }

  private static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static final class RowProblem extends Exception {
    RowProblem(String message) {
      super(message);
    }
  }
}
