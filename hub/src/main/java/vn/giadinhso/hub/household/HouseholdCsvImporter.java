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
import java.util.function.Consumer;
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
    List<Household> batch = new ArrayList<>(BATCH);
    UpsertCounts[] counts = {new UpsertCounts(0, 0, 0)};
    Outcome outcome = read(set, csv, progress, household -> {
      batch.add(household);
      if (batch.size() == BATCH) {
        counts[0] = counts[0].plus(upsert(batch));
        batch.clear();
      }
    });
    counts[0] = counts[0].plus(upsert(batch));
    return new ImportReport(counts[0], outcome.rejections(), outcome.keptStaffLabels());
  }

  /** What reading a whole file found, before anything is stored: for a preview (see {@link RosterChanges}). */
  public record Parsed(List<Household> valid, List<ImportReport.Rejection> rejections, int keptStaffLabels) {}

  /** Reads and checks every row exactly as {@link #run} does, storing nothing. */
  public Parsed parse(CriteriaSet set, Reader csv) throws IOException {
    List<Household> valid = new ArrayList<>();
    Outcome outcome = read(set, csv, rows -> { }, valid::add);
    return new Parsed(valid, outcome.rejections(), outcome.keptStaffLabels());
  }

  private record Outcome(List<ImportReport.Rejection> rejections, int keptStaffLabels) {}

  /** Checks every row; hands each valid household, in file order, to {@code accept}. */
  private Outcome read(CriteriaSet set, Reader csv, LongConsumer progress, Consumer<Household> accept) throws IOException {
    String communeId = set.communeId();
    Map<String, String> communeByCode = store.communeByCode();
    Map<String, String> householdByHash = new HashMap<>(store.householdByMemberHash(communeId));
    Map<String, Long> seenCodes = new HashMap<>();
    Map<String, HouseholdStore.Labels> staffLabels = labelsFromFile ? Map.of() : store.labelsSetByStaff(communeId);
    int keptStaffLabels = 0;
    List<ImportReport.Rejection> rejections = new ArrayList<>();

    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(skipBom(csv), format)) {
      List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        rejections.add(new ImportReport.Rejection(1, "header lacks column(s) " + String.join(", ", missing)
            + "; expected " + String.join(",", COLUMNS), "header", String.join(", ", missing)));
        return new Outcome(rejections, 0);
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
              + "closing quote), import stopped here", "malformed", ""));
          break;
        }
        rows++;
        if (rows % 10_000 == 0) {
          progress.accept(rows);
        }
        try {
          if (!record.isConsistent()) {
            throw new RowRejected("fields", "expected " + record.getParser().getHeaderNames().size() + " fields, found "
                + record.size(), String.valueOf(record.size()));
          }
          Household household = household(set, communeByCode, new Row(record.get("household_code"),
              record.get("village"), record.get("head_name"), record.get("members"), record.get("groups"),
              record.get("flags"), record.isMapped(OFFICIALS_COLUMN) ? record.get(OFFICIALS_COLUMN) : ""), List.of());
          Long earlier = seenCodes.putIfAbsent(household.code(), line);
          if (earlier != null) {
            throw new RowRejected("duplicateCode", "household_code already appears on line " + earlier, String.valueOf(earlier));
          }
          claimMemberIds(household, householdByHash);
          HouseholdStore.Labels kept = staffLabels.get(household.code());
          if (kept != null && !(kept.groups().equals(household.groups()) && kept.flags().equals(household.flags()))) {
            household = new Household(household.code(), household.communeId(), household.village(),
                household.headName(), household.members(), kept.groups(), kept.flags());
            keptStaffLabels++;
          }
          accept.accept(household);
        } catch (RowRejected problem) {
          rejections.add(new ImportReport.Rejection(line, problem.getMessage(), problem.kind(), problem.detail()));
        }
      }
    }
    return new Outcome(rejections, keptStaffLabels);
  }

  /** One household's cells as the file has them (the members cell: "Name (ID number); Name; …"). */
  public record Row(String code, String village, String head, String members, String groups, String flags,
      String officials) {
    /** A row without the optional {@code officials_household} column. */
    public Row(String code, String village, String head, String members, String groups, String flags) {
      this(code, village, head, members, groups, flags, "");
    }
  }

  /** Optional column, so files made before it still import: empty means "not an officials' household". */
  static final String OFFICIALS_COLUMN = "officials_household";
  private static final Set<String> YES = Set.of("1", "x", "yes", "y", "có", "co", "true");
  private static final Set<String> NO = Set.of("", "0", "no", "n", "không", "khong", "false");

  private static boolean officialsHousehold(String cell) throws RowRejected {
    String value = cell == null ? "" : cell.strip().toLowerCase(java.util.Locale.ROOT);
    if (YES.contains(value)) {
      return true;
    }
    if (NO.contains(value)) {
      return false;
    }
    throw new RowRejected("officialsValue", OFFICIALS_COLUMN + " must be empty, 1/có/yes or 0/không/no", "");
  }

  /**
   * Checks one household typed into the dashboard by the rules a file row meets, and that no member's
   * ID number is already another household's. {@code kept} are members already stored (edited
   * households), put before those of {@code row.members()}.
   */
  public Household one(CriteriaSet set, Row row, List<Member> kept) throws RowRejected {
    Household household = household(set, store.communeByCode(), row, kept);
    claimMemberIds(household, new HashMap<>(store.householdByMemberHash(set.communeId())));
    return household;
  }

  private Household household(CriteriaSet set, Map<String, String> communeByCode, Row row, List<Member> kept)
      throws RowRejected {
    String code = row.code().strip();
    if (!vn.giadinhso.protocol.HouseholdQr.HOUSEHOLD_CODE.matcher(code).matches()) {
      throw new RowRejected("codeFormat", "household_code must be 1-32 of A-Z 0-9 -", "");
    }
    if (IdNumberText.containsIdNumber(code)) {
      throw new RowRejected("codeIdNumber", "household_code looks like a citizen ID number; give each household a code of the "
          + "commune's own, e.g. AT-T1-0001", "");
    }
    String owner = communeByCode.get(code);
    if (owner != null && !owner.equals(set.communeId())) {
      throw new RowRejected("codeOtherCommune", "household_code already belongs to commune " + owner, owner);
    }
    String village = PersonName.normalise(row.village());
    if (village.isEmpty()) {
      throw new RowRejected("villageEmpty", "village is empty", "");
    }
    if (IdNumberText.containsIdNumber(village)) {
      throw new RowRejected("villageIdNumber", "village contains what looks like a citizen ID number", "");
    }
    String head = PersonName.normalise(row.head());
    if (head.isEmpty()) {
      throw new RowRejected("headEmpty", "head_name is empty", "");
    }
    if (IdNumberText.containsIdNumber(head)) {
      throw new RowRejected("headIdNumber", "head_name contains what looks like a citizen ID number; the head's ID number goes "
          + "in brackets after their name in members", "");
    }
    List<Member> members = new ArrayList<>(kept);
    members.addAll(members(set.communeId(), row.members(), kept.size()));
    if (members.isEmpty()) {
      throw new RowRejected("membersEmpty", "members is empty; list at least the head of household", "");
    }
    List<String> groupItems = items(row.groups());
    for (int i = 0; i < groupItems.size(); i++) {
      if (!set.knowsGroup(groupItems.get(i))) {
        throw new RowRejected("unknownGroup", "groups: item " + (i + 1) + " is not one of " + set.communeId() + "'s groups "
            + set.groups().stream().map(x -> x.id()).toList(), String.valueOf(i + 1));
      }
    }
    List<String> flagItems = items(row.flags());
    for (int i = 0; i < flagItems.size(); i++) {
      if (!set.allowsFlag(flagItems.get(i))) {
        throw new RowRejected("unknownFlag", "flags: item " + (i + 1) + " is not one of " + set.flags(), String.valueOf(i + 1));
      }
    }
    Set<String> groups = new TreeSet<>(groupItems);
    Set<String> flags = new TreeSet<>(flagItems);
    if (officialsHousehold(row.officials())) {
      flags.add(CriteriaSet.OFFICIALS_HOUSEHOLD);
    }
    return new Household(code, set.communeId(), village, head, members, new TreeSet<>(groups), new TreeSet<>(flags));
  }

  private List<Member> members(String communeId, String cell, int before) throws RowRejected {
    List<Member> members = new ArrayList<>();
    int position = before;
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
          throw new RowRejected("badIdNumber", "members: member " + position + ": the ID number in brackets must be 12 digits "
              + "starting with a province code", String.valueOf(position));
        }
        String name = PersonName.normalise(withId.group(1));
        if (IdNumberText.containsIdNumber(name)) {
          throw new RowRejected("memberNameIdNumber", "members: member " + position + ": the name contains what looks like a citizen ID "
              + "number; write only the name, and the ID number once in brackets", String.valueOf(position));
        }
        // The birth year is read off the number (century and year digits) before it is dropped.
        members.add(new Member(name, hasher.hash(communeId, id), CitizenIdNumber.masked(id), CitizenIdNumber.birthYear(id)));
      } else if (IdNumberText.containsIdNumber(item) || item.matches(".*\\d{6,}.*")) {
        throw new RowRejected("idOutsideBrackets", "members: member " + position + ": write the ID number in brackets after the name, "
            + "e.g. Nguyễn Văn An (001099012345)", String.valueOf(position));
      } else {
        members.add(new Member(PersonName.normalise(item), null, null));
      }
    }
    return members;
  }

  private static void claimMemberIds(Household household, Map<String, String> householdByHash) throws RowRejected {
    for (int i = 0; i < household.members().size(); i++) {
      Member m = household.members().get(i);
      if (m.idHash() == null) {
        continue;
      }
      String owner = householdByHash.putIfAbsent(m.idHash(), household.code());
      if (owner != null && !owner.equals(household.code())) {
        throw new RowRejected("idTaken", "members: member " + (i + 1) + "'s ID number is already a member's of household " + owner, (i + 1) + "|" + owner);
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

}
