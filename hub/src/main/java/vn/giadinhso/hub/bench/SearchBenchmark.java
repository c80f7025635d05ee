package vn.giadinhso.hub.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import vn.giadinhso.hub.dashboard.HouseholdSearch;
import vn.giadinhso.hub.household.SearchText;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.storage.Revisions;

/**
 * The household search at province scale: N households (default 1 M) in C communes (default 100),
 * three members each with Vietnamese names, then searches in one commune timed (p50/max) beside
 * two baselines measured in the same run: a lookup by primary key, and the search as it was before
 * issue 12 (unfolded {@code LIKE} on the head's name, the village, the code and an {@code EXISTS}
 * over the members), which could not find "tran" in "Trần" at all.
 */
public final class SearchBenchmark {
  static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
      "Đinh", "Siu", "Rơ Châm", "Hoàng", "Phan", "Vũ"};
  static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thu", "Quốc", "Thanh", "Kim"};
  static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quang", "Sơn",
      "Tài", "Tuấn", "Việt", "Anh", "Chi", "Dung", "Hà", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Oanh", "Thảo",
      "Yến", "Blơng", "Hlen", "Plưh"};

  private final int households;
  private final int communes;
  private final int runs;
  private final PrintWriter out;
  private final SplittableRandom random = new SplittableRandom(20261130);

  public SearchBenchmark(int households, int communes, int runs, PrintWriter out) {
    this.households = households;
    this.communes = communes;
    this.runs = runs;
    this.out = out;
  }

  public void run(Path file) throws Exception {
    try (Database db = Database.open(new DatabaseLocation.SqliteFile(file), 4)) {
      long t = System.nanoTime();
      build(db);
      out.printf("built %,d households in %d communes (3 members each) in %.0f s%n", households, communes, seconds(t));
      measure(db);
    }
    out.flush();
  }

  static String commune(int c) {
    return String.format("bench-xa-%03d", c);
  }

  private String name() {
    return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
        + GIVEN[random.nextInt(GIVEN.length)];
  }

  private void build(Database db) throws java.sql.SQLException {
    db.writer().useTransaction(h -> {
      h.execute("INSERT INTO province (code, name, source) VALUES ('52', 'Gia Lai', 'bench-search') ON CONFLICT (code) DO NOTHING");
      for (int c = 0; c < communes; c++) {
        h.execute("INSERT INTO commune (id, name, province_code, source) VALUES (?, ?, '52', 'bench-search')", commune(c),
            "Xã " + c);
        for (int v = 0; v < 10; v++) {
          h.execute("INSERT INTO village (id, commune_id, name) VALUES (?, ?, ?)", commune(c) + "/thon-" + v, commune(c),
              "Thôn Tân Thành " + v);
        }
      }
    });
    final int chunk = 20_000;
    for (int from = 0; from < households; from += chunk) {
      int to = Math.min(households, from + chunk);
      int start = from;
      db.writer().<java.sql.SQLException>useTransaction(h -> {
        Connection c = h.getConnection();
        try (PreparedStatement hh = c.prepareStatement("INSERT INTO household (id, code, commune_id, village_id, "
                + "head_name, search_text, groups_json, flags_json, content_hash, rev, updated_at) "
                + "VALUES (?,?,?,?,?,?,'[]','[]','bench',?,'2026-11-30T00:00:00Z')");
            PreparedStatement member = c.prepareStatement(
                "INSERT INTO member (household_id, seq, full_name, id_hash, id_masked) VALUES (?,?,?,NULL,NULL)")) {
          for (int i = start; i < to; i++) {
            int commune = i % communes;
            String code = String.format("X%03d-T%d-%06d", commune, i % 10, i / communes);
            String village = "Thôn Tân Thành " + (i % 10);
            List<String> names = List.of(name(), name(), name());
            hh.setLong(1, i + 1L);
            hh.setString(2, code);
            hh.setString(3, commune(commune));
            hh.setString(4, commune(commune) + "/thon-" + (i % 10));
            hh.setString(5, names.get(0));
            hh.setString(6, SearchText.of(code, village, names.get(0), names));
            hh.setLong(7, Revisions.next(h));
            hh.addBatch();
            for (int m = 0; m < names.size(); m++) {
              member.setLong(1, i + 1L);
              member.setInt(2, m);
              member.setString(3, names.get(m));
              member.addBatch();
            }
          }
          hh.executeBatch();
          member.executeBatch();
        }
      });
    }
    db.writer().useHandle(h -> h.execute("ANALYZE"));
  }

  private void measure(Database db) {
    String commune = commune(communes / 2);
    HouseholdSearch search = new HouseholdSearch(db);
    double[] trivial = time(() -> db.reader().withHandle(h ->
        h.createQuery("SELECT code FROM household WHERE id = 1").mapTo(String.class).one()));
    out.printf("%nsearch in one commune of %,d households; runs: %d after 2 warm-ups; times in ms%n",
        households / communes, runs);
    out.printf("baseline: lookup by primary key                    p50 %8.3f  max %8.3f%n", ms(p50(trivial)), ms(max(trivial)));
    String[][] queries = {{"tran", "Trần"}, {"nguyen van", "Nguyễn Văn"}, {"dang thi hoa", "Đặng Thị Hoa"},
        {"plu", "Plưh"}, {"-t3-0001", "-T3-0001"}, {"khong co ai", "Không có ai"}};
    for (String[] q : queries) {
      int[] hits = new int[1];
      double[] folded = time(() -> hits[0] = search.search(commune, q[0], 100).size());
      double[] before = time(() -> before(db, commune, q[1]));
      out.printf("%-14s folded p50 %7.2f max %7.2f  (%3d shown) | before-issue-12 \"%s\" p50 %7.2f | ratio %.2f%n",
          "\"" + q[0] + "\"", ms(p50(folded)), ms(max(folded)), hits[0], q[1], ms(p50(before)), p50(folded) / p50(before));
    }
  }

  /** The search as it was before issue 12, on the same data (SQLite's LIKE; the query with its diacritics). */
  private static int before(Database db, String commune, String q) {
    String like = "%" + q + "%";
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT h.code FROM household h JOIN village v ON v.id = h.village_id WHERE h.commune_id = :c AND ("
                + "h.code LIKE :like OR v.name LIKE :like OR h.head_name LIKE :like OR EXISTS (SELECT 1 FROM member m "
                + "WHERE m.household_id = h.id AND m.full_name LIKE :like)) ORDER BY h.code LIMIT 100")
        .bind("c", commune).bind("like", like).mapTo(String.class).list().size());
  }

  private double[] time(Supplier<?> work) {
    work.get();
    work.get();
    double[] s = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.get();
      s[i] = seconds(t);
    }
    Arrays.sort(s);
    return s;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static double ms(double seconds) {
    return seconds * 1000;
  }

  private static double p50(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  private static double max(double[] sorted) {
    return sorted[sorted.length - 1];
  }
}
