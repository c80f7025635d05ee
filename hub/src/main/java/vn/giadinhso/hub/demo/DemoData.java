package vn.giadinhso.hub.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.Criterion;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.protocol.CitizenIdNumber;
import vn.giadinhso.hub.language.LanguagePackReader;
import vn.giadinhso.hub.lesson.LessonPackReader;
import vn.giadinhso.hub.pack.ShippedPacks;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * A realistic, repeatable demo: two communes from the seeds with their real criteria sets,
 * villages, 200 households, support points, the shipped lesson packs, and a year of history
 * ({@link DemoHistory}: sessions, kiosk events through ingest, staff decisions), generated from
 * fixed seeds and dated relative to the hub's clock. Running it again keeps the data (and adds
 * no history twice) and only issues a fresh admin password and enrolment code — and, on a later
 * day, a session today at the demo kiosk's point ({@link TodaysSession}).
 */
public final class DemoData {
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** What the operator needs after loading the demo. */
  /** The demo team member's sign-in name for the field app. */
  public static final String FIELD_USERNAME = "doi-tan-thanh";

  public record Result(String adminPassword, String enrolmentCode, String firstPointId, List<DemoCard> cards,
      String fieldPassword) {}

  /** A demo member whose card can be "scanned" at a kiosk (fictitious, generated data). */
  public record DemoCard(String householdCode, String fullName, String idNumber, LocalDate dateOfBirth, boolean female) {}

  private record CommuneSpec(String criteriaFile, String codePrefix, String provinceIdCode, List<String> villages,
      List<SupportPoint> points, NamePool names, int households) {}

  private final HubApp hub;
  private final Random random = new Random(20261121L);
  private final List<DemoCard> cards = new ArrayList<>();
  private List<String> codes = List.of();

  public DemoData(HubApp hub) {
    this.hub = hub;
  }

  public Result load() {
    List<CommuneSpec> communes = List.of(
        new CommuneSpec("an-tuong-2026.json", "AT", "052",
            List.of("Thôn Tân Thành", "Thôn Hội Long", "Thôn Phú Thuận", "Thôn Vĩnh Hòa"),
            List.of(new SupportPoint("an-tuong-nvh-tan-thanh", "an-tuong", "Điểm hỗ trợ số Nhà văn hóa thôn Tân Thành",
                    "Nhà văn hóa thôn Tân Thành", 3),
                new SupportPoint("an-tuong-ubnd", "an-tuong", "Điểm hỗ trợ số UBND xã Ân Tường",
                    "Bộ phận một cửa, UBND xã Ân Tường", 3)),
            NamePool.KINH, 110),
        new CommuneSpec("kon-chieng-2025.json", "KC", "064",
            List.of("Làng Đê Tar", "Làng Kon Chiêng", "Làng Đăk Ple"),
            List.of(new SupportPoint("kon-chieng-nvh-de-tar", "kon-chieng", "Điểm hỗ trợ số Nhà văn hóa làng Đê Tar",
                    "Nhà rông làng Đê Tar", 3),
                new SupportPoint("kon-chieng-ubnd", "kon-chieng", "Điểm hỗ trợ số UBND xã Kon Chiêng",
                    "Hội trường UBND xã Kon Chiêng", 3)),
            NamePool.BAHNAR, 90));

    // The demo communes in their real province (Gia Lai, 52) before their criteria sets name them.
    vn.giadinhso.hub.units.SampleUnits.load(hub.units, "demo-data");
    // Lessons first: the history's practice events name them.
    try {
      new ShippedPacks<>(new LessonPackReader(), hub.lessonPacks, "/lessons").load();
      // None ship yet: vi and en are built into the kiosk, and an unchecked language is not invented.
      new ShippedPacks<>(new LanguagePackReader(), hub.languagePacks, "/languages").load();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("a shipped lesson pack is unreadable: " + e.getMessage(), e);
    }
    DemoHistory history = new DemoHistory(hub, new Random(20261122L));
    for (int c = 0; c < communes.size(); c++) {
      CommuneSpec spec = communes.get(c);
      CriteriaSet set = hub.criteriaJson.readResource(spec.criteriaFile());
      hub.criteria.load(set);
      spec.points().forEach(hub.schedule::savePoint);
      boolean first = hub.households.count(set.communeId()) == 0;
      if (first) {
        households(spec, set);
      }
      List<Session> sessions = history.sessions(c, spec.points(), TOPICS, TRAINERS);
      if (first) {
        // Only on the first load: events are history, and loading again must not double it.
        history.activity(set, spec.points(), sessions, codes);
      }
    }
    String teamVillage = communes.get(0).villages().get(0);
    new DemoTeams(hub).ensure("an-tuong", teamVillage);
    String password = newPassword();
    hub.users.setUser("admin", password, UserStore.Role.ADMIN, null);
    // A team member's account for the phone app at /field/ (issue 15): the demo team's village only.
    String fieldPassword = newPassword();
    hub.users.setUser(FIELD_USERNAME, fieldPassword,
        vn.giadinhso.hub.auth.Assignment.field("an-tuong", List.of(teamVillage)));
    String firstPoint = communes.get(0).points().get(0).id();
    // After the history, which must not hold it: it is today's, and loading again the same day keeps it.
    new TodaysSession(hub.schedule).ensure(communes.get(0).points().get(0), hub.clock.instant());
    return new Result(password, hub.kiosks.newEnrolmentCode(firstPoint), firstPoint, List.copyOf(cards), fieldPassword);
  }

  private void households(CommuneSpec spec, CriteriaSet set) {
    List<Household> households = new ArrayList<>();
    List<List<StatusRecord>> statuses = new ArrayList<>();
    for (int n = 1; n <= spec.households(); n++) {
      int villageIndex = (n - 1) % spec.villages().size();
      String code = spec.codePrefix() + "-T" + (villageIndex + 1) + "-" + String.format("%04d", n);
      String surname = spec.names().surname(random);
      int adults = 1 + random.nextInt(3);
      List<Member> members = new ArrayList<>();
      String head = null;
      for (int m = 0; m < adults + random.nextInt(3); m++) {
        boolean female = m == 1 || (m > 1 && random.nextBoolean());
        String name = spec.names().fullName(random, m == 1 ? spec.names().surname(random) : surname, female);
        if (m < adults) {
          int year = m == 0 || m == 1 ? 1950 + random.nextInt(45) : 1998 + random.nextInt(8);
          LocalDate dob = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
          String id = idNumber(spec.provinceIdCode(), dob, female, random.nextInt(1_000_000));
          // Hash only what the rules accept, as the importer does: a bad demo number would be a bug here.
          List<String> problems = CitizenIdNumber.problems(id, dob, female);
          if (!problems.isEmpty()) {
            throw new IllegalStateException("demo ID number refused: " + problems);
          }
          members.add(new Member(name, hub.memberKeys.hash(set.communeId(), id), CitizenIdNumber.masked(id)));
          if (cards.size() < 12 && m == 0 && n % 9 == 1) {
            cards.add(new DemoCard(code, name, id, dob, female));
          }
        } else {
          members.add(new Member(name, null, null)); // a child without a card
        }
        if (m == 0) {
          head = name;
        }
      }
      households.add(new Household(code, set.communeId(), spec.villages().get(villageIndex), head, members,
          groups(), flags()));
      statuses.add(statuses(set, households.get(households.size() - 1).flags()));
    }
    hub.households.upsert(households);
    codes = households.stream().map(Household::code).toList();
    for (int i = 0; i < households.size(); i++) {
      for (StatusRecord record : statuses.get(i)) {
        hub.households.recordStatus(households.get(i).code(), record);
      }
    }
  }

  private Set<String> groups() {
    Set<String> groups = new TreeSet<>();
    double roll = random.nextDouble();
    if (roll < 0.12) {
      groups.add("officials");
    }
    if (random.nextDouble() < 0.30) {
      groups.add("party-youth");
    }
    if (random.nextDouble() < 0.45) {
      groups.add("women-farmers");
    }
    return groups;
  }

  private Set<String> flags() {
    Set<String> flags = new TreeSet<>();
    if (random.nextDouble() < 0.15) {
      flags.add("business");
    }
    if (random.nextDouble() < 0.30) {
      flags.add("producer");
    }
    return flags;
  }

  /** A mix from "just started" to recognised, with practice, declarations and staff verification. */
  private List<StatusRecord> statuses(CriteriaSet set, Set<String> flags) {
    double progress = random.nextDouble();
    boolean recognised = progress > 0.78;
    List<StatusRecord> out = new ArrayList<>();
    // Progress started at some point in the last year, so recognition is spread over the months
    // and the trend rises (the history's practice and decisions come on top).
    Instant base = hub.clock.instant().minusSeconds(86_400L * (30 + random.nextInt(320)));
    int step = 0;
    for (Criterion c : set.criteria()) {
      if (c.appliesIf() != null && !c.appliesIf().holdsFor(flags)) {
        continue;
      }
      Instant at = base.plusSeconds(3_600L * 24 * step++ + random.nextInt(3_600));
      double roll = random.nextDouble();
      if (recognised || roll < progress * 0.7) {
        out.add(new StatusRecord(c.id(), CriterionStatus.MET, "staff", "demo: cán bộ Văn hóa – Xã hội", at,
            "Đã kiểm tra trực tiếp"));
      } else if (roll < progress * 0.85) {
        out.add(new StatusRecord(c.id(), CriterionStatus.PRACTISED, "kiosk", "demo-kiosk", at, null));
      } else if (roll < progress) {
        out.add(new StatusRecord(c.id(), CriterionStatus.DECLARED, "kiosk", "resident", at, null));
      }
    }
    return out;
  }

  private static final String[] TOPICS = {
      "Cài đặt và kích hoạt VNeID mức độ 2",
      "Tra cứu kết quả hồ sơ trên Cổng Dịch vụ công quốc gia",
      "Thanh toán tiền điện trực tuyến",
      "Nhận diện cuộc gọi, tin nhắn lừa đảo",
      "Cài đặt VssID, tra cứu thẻ bảo hiểm y tế",
      "Gửi định vị qua Zalo, dùng Google Maps",
      "Bán nông sản trên sàn thương mại điện tử",
  };
  private static final String[] TRAINERS = {
      "Đoàn Thanh niên xã", "Công an xã", "Tổ công nghệ số cộng đồng", "Hội Liên hiệp Phụ nữ xã",
  };

  /** A plausible ID number: province of birth, century/sex digit and year agree with the birth date. */
  static String idNumber(String province, LocalDate dob, boolean female, int serial) {
    int century = (dob.getYear() / 100) - 19; // 1900s → 0, 2000s → 1
    int centurySex = century * 2 + (female ? 1 : 0);
    return province + centurySex + String.format("%02d%06d", dob.getYear() % 100, serial);
  }

  private static String newPassword() {
    SecureRandom random = new SecureRandom();
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
