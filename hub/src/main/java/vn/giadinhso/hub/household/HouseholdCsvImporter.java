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
import vn.giadinhso.protocol.CitizenIdNumber;
import vn.giadinhso.hub.identity.MemberKeys;
import vn.giadinhso.hub.identity.PersonName;
import vn.giadinhso.protocol.IdNumberText;

/**
 * Imports a commune's households from CSV (format in docs/households-csv.md). Every row is
 * checked; valid rows are upserted by household code in batches, so re-importing the same file
 * changes nothing, and one bad row never blocks the others.
 *
 * <p>A rejection names the line and the column, never the cell's content: reports end up in
 * terminals, e-mails and tickets, and a cell may hold a citizen ID number (issue 10 point 7). Names
 * and codes holding an ID number in any shape ({@link IdNumberText}) are refused, since names are
 * synced to kiosks and shown on screens.
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
          // The parser's own message may quote the line; ours does not.
          rejections.add(new ImportReport.Rejection(line, "malformed CSV (a quote left open, or text after a "
              + "closing quote), import stopped here"));
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
            throw new RowProblem("household_code already appears on line " + earlier);
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
    if (!vn.giadinhso.protocol.HouseholdQr.HOUSEHOLD_CODE.matcher(code).matches()) {
      throw new RowProblem("household_code must be 1-32 of A-Z 0-9 -");
    }
    if (IdNumberText.containsIdNumber(code)) {
      throw new RowProblem("household_code looks like a citizen ID number; give each household a code of the "
          + "commune's own, e.g. AT-T1-0001");
    }
    String owner = communeByCode.get(code);
    if (owner != null && !owner.equals(set.communeId())) {
      throw new RowProblem("household_code already belongs to commune " + owner);
    }
    String village = PersonName.normalise(record.get("village"));
    if (village.isEmpty()) {
      throw new RowProblem("village is empty");
    }
    if (IdNumberText.containsIdNumber(village)) {
      throw new RowProblem("village contains what looks like a citizen ID number");
    }
    String head = PersonName.normalise(record.get("head_name"));
    if (head.isEmpty()) {
      throw new RowProblem("head_name is empty");
    }
    if (IdNumberText.containsIdNumber(head)) {
      throw new RowProblem("head_name contains what looks like a citizen ID number; the head's ID number goes "
          + "in brackets after their name in members");
    }
    List<Member> members = members(set.communeId(), record.get("members"));
    List<String> groupItems = items(record.get("groups"));
    for (int i = 0; i < groupItems.size(); i++) {
      if (!set.knowsGroup(groupItems.get(i))) {
        throw new RowProblem("groups: item " + (i + 1) + " is not one of " + set.communeId() + "'s groups "
            + set.groups().stream().map(x -> x.id()).toList());
      }
    }
    List<String> flagItems = items(record.get("flags"));
    for (int i = 0; i < flagItems.size(); i++) {
      if (!set.flags().contains(flagItems.get(i))) {
        throw new RowProblem("flags: item " + (i + 1) + " is not one of " + set.flags());
      }
    }
    Set<String> groups = new TreeSet<>(groupItems);
    Set<String> flags = new TreeSet<>(flagItems);
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
        if (CitizenIdNumber.problem(id).isPresent()) {
          // Our own words: the checker's reason quotes the number's first digits.
          throw new RowProblem("members: member " + position + ": the ID number in brackets must be 12 digits "
              + "starting with a province code");
        }
        String name = PersonName.normalise(withId.group(1));
        if (IdNumberText.containsIdNumber(name)) {
          throw new RowProblem("members: member " + position + ": the name contains what looks like a citizen ID "
              + "number; write only the name, and the ID number once in brackets");
        }
        members.add(new Member(name, hasher.hash(communeId, id), CitizenIdNumber.masked(id)));
      } else if (IdNumberText.containsIdNumber(item) || item.matches(".*\\d{6,}.*")) {
        throw new RowProblem("members: member " + position + ": write the ID number in brackets after the name, "
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
    for (int i = 0; i < household.members().size(); i++) {
      Member m = household.members().get(i);
      if (m.idHash() == null) {
        continue;
      }
      String owner = householdByHash.putIfAbsent(m.idHash(), household.code());
      if (owner != null && !owner.equals(household.code())) {
        throw new RowProblem("members: member " + (i + 1) + "'s ID number is already a member's of household " + owner);
      }
    }
  }

  private static List<String> items(String cell) {
    List<String> out = new ArrayList<>();
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

  private static final class RowProblem extends Exception {
    RowProblem(String message) {
      super(message);
    }
  }
}
