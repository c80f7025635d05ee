package vn.giadinhso.hub.units;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.storage.Database;

/**
 * Provinces and communes (decision hub-015): each commune belongs to one province by code. A units
 * file updates them all in one transaction; a criteria set naming a new commune adds it under the
 * province its text names (a provisional code when no province has that name yet).
 */
public final class Units {
  private static final String COMMUNE_SELECT = "SELECT c.id, c.code, c.name, c.province_code, p.name, c.source "
      + "FROM commune c LEFT JOIN province p ON p.code = c.province_code ";

  private final Database db;
  private final Clock clock;

  public Units(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public List<Province> provinces() {
    return db.reader().withHandle(h -> h.createQuery("SELECT code, name, source FROM province ORDER BY name")
        .map((rs, ctx) -> new Province(rs.getString(1), rs.getString(2), rs.getString(3))).list());
  }

  public Optional<Province> province(String code) {
    return db.reader().withHandle(h -> h.createQuery("SELECT code, name, source FROM province WHERE code = :c")
        .bind("c", code).map((rs, ctx) -> new Province(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
  }

  public List<Commune> communes() {
    return db.reader().withHandle(h -> h.createQuery(COMMUNE_SELECT + "ORDER BY p.name, c.name")
        .map((rs, ctx) -> commune(rs)).list());
  }

  public List<Commune> communes(String provinceCode) {
    return db.reader().withHandle(h -> h.createQuery(COMMUNE_SELECT + "WHERE c.province_code = :p ORDER BY c.name")
        .bind("p", provinceCode).map((rs, ctx) -> commune(rs)).list());
  }

  public Optional<Commune> commune(String id) {
    return db.reader().withHandle(h -> h.createQuery(COMMUNE_SELECT + "WHERE c.id = :id")
        .bind("id", id).map((rs, ctx) -> commune(rs)).findOne());
  }

  /** The province code of a commune, empty for an unknown commune. */
  public Optional<String> provinceOf(String communeId) {
    return db.reader().withHandle(h -> h.createQuery("SELECT province_code FROM commune WHERE id = :id")
        .bind("id", communeId).mapTo(String.class).findOne());
  }

  public List<UnitImport> imports() {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT at, actor, file_name, sources, provinces, communes FROM unit_import ORDER BY id DESC")
        .map((rs, ctx) -> new UnitImport(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getInt(5), rs.getInt(6))).list());
  }

  private static Commune commune(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
  }

  /**
   * Applies a checked units file in one transaction, or nothing when a row conflicts with what the
   * hub holds (an official code already given to another commune, an id taken).
   *
   * @return what was recorded of the import
   */
  public UnitImport apply(List<UnitsCsv.Row> rows, String actor, String fileName) throws UnitsRejected {
    Instant now = clock.instant();
    try {
      return db.writer().inTransaction(h -> {
        List<UnitProblem> problems = new ArrayList<>();
        Set<String> provinces = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (UnitsCsv.Row row : rows) {
          sources.add(row.source());
          if (provinces.add(row.provinceCode())) {
            h.createUpdate("INSERT INTO province (code, name, source) VALUES (:c, :n, :s) "
                    + "ON CONFLICT (code) DO UPDATE SET name = excluded.name, source = excluded.source")
                .bind("c", row.provinceCode()).bind("n", row.provinceName()).bind("s", row.source()).execute();
          }
        }
        Map<String, String> chosen = new HashMap<>();
        int communes = 0;
        for (UnitsCsv.Row row : rows) {
          if (row.provinceOnly()) {
            continue;
          }
          String id = target(h, row, chosen, problems);
          if (id == null) {
            continue;
          }
          if (!row.communeCode().isEmpty()) {
            Optional<String> holder = h.createQuery("SELECT id FROM commune WHERE code = :code")
                .bind("code", row.communeCode()).mapTo(String.class).findOne();
            if (holder.isPresent() && !holder.get().equals(id)) {
              problems.add(new UnitProblem(row.line(), "commune_code " + row.communeCode() + " belongs to commune "
                  + holder.get() + " already"));
              continue;
            }
          }
          // A code the file does not know does not erase one the hub already has.
          h.createUpdate("INSERT INTO commune (id, code, name, province_code, source) VALUES (:id, :code, :n, :p, :s) "
                  + "ON CONFLICT (id) DO UPDATE SET code = COALESCE(excluded.code, commune.code), name = excluded.name, "
                  + "province_code = excluded.province_code, source = excluded.source")
              .bind("id", id).bind("code", row.communeCode().isEmpty() ? null : row.communeCode())
              .bind("n", row.communeName()).bind("p", row.provinceCode()).bind("s", row.source()).execute();
          communes++;
        }
        if (!problems.isEmpty()) {
          throw new Rollback(new UnitsRejected(problems));
        }
        UnitImport done = new UnitImport(now, actor, fileName, String.join(" | ", sources), provinces.size(), communes);
        h.createUpdate("INSERT INTO unit_import (at, actor, file_name, sources, provinces, communes) "
                + "VALUES (:at, :actor, :f, :s, :p, :c)")
            .bind("at", now.toString()).bind("actor", actor).bind("f", fileName).bind("s", done.sources())
            .bind("p", done.provinces()).bind("c", done.communes()).execute();
        return done;
      });
    } catch (Rollback r) {
      throw r.rejected;
    }
  }

  /**
   * Which commune a row describes: the id it names; else the commune holding its code; else one of
   * its province with no code yet and the same name (a commune first known from its criteria
   * set); else a new one, its id made from its name.
   */
  private static String target(Handle h, UnitsCsv.Row row, Map<String, String> chosen, List<UnitProblem> problems) {
    String id;
    if (!row.communeId().isEmpty()) {
      id = row.communeId();
    } else {
      id = row.communeCode().isEmpty() ? null : h.createQuery("SELECT id FROM commune WHERE code = :c")
          .bind("c", row.communeCode()).mapTo(String.class).findOne().orElse(null);
      if (id == null) {
        String folded = UnitNames.fold(row.communeName());
        id = h.createQuery("SELECT id, name FROM commune WHERE province_code = :p AND code IS NULL")
            .bind("p", row.provinceCode())
            .map((rs, ctx) -> UnitNames.fold(rs.getString(2)).equals(folded) ? rs.getString(1) : null)
            .list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
      }
      if (id == null) {
        String slug = UnitNames.slug(row.communeName());
        boolean taken = h.createQuery("SELECT count(*) FROM commune WHERE id = :id").bind("id", slug)
            .mapTo(Integer.class).one() > 0 || chosen.containsKey(slug);
        if (!taken) {
          id = slug;
        } else if (!row.communeCode().isEmpty()) {
          id = slug + "-" + row.communeCode();
        } else {
          problems.add(new UnitProblem(row.line(), "the id " + slug + " made from commune_name is another commune's; "
              + "fill commune_id or commune_code"));
          return null;
        }
      }
    }
    String earlier = chosen.putIfAbsent(id, Long.toString(row.line()));
    if (earlier != null) {
      problems.add(new UnitProblem(row.line(), "describes commune " + id + " as line " + earlier + " does"));
      return null;
    }
    return id;
  }

  /**
   * The province a criteria set's province text names, within the caller's transaction: the one of
   * that name, or a new one with a provisional code ("x1", "x2"…) until a units file gives its code.
   */
  public static String provinceForName(Handle h, String name) {
    String folded = UnitNames.fold(name);
    List<String[]> all = h.createQuery("SELECT code, name FROM province")
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    for (String[] p : all) {
      if (UnitNames.fold(p[1]).equals(folded)) {
        return p[0];
      }
    }
    int next = 1 + all.stream().map(p -> p[0]).filter(c -> c.matches("x\\d+"))
        .mapToInt(c -> Integer.parseInt(c.substring(1))).max().orElse(0);
    String code = "x" + next;
    h.createUpdate("INSERT INTO province (code, name, source) VALUES (:c, :n, :s)")
        .bind("c", code).bind("n", name.strip())
        .bind("s", "Tên từ bộ tiêu chí của xã; mã tạm, chưa có mã chính thức · name from a criteria set, provisional code")
        .execute();
    return code;
  }

  /** Carries the problems found inside the transaction out of it, rolling it back. */
  private static final class Rollback extends RuntimeException {
    final transient UnitsRejected rejected;

    Rollback(UnitsRejected rejected) {
      super(null, null, false, false);
      this.rejected = rejected;
    }
  }
}
