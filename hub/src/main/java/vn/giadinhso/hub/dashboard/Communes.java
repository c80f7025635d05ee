package vn.giadinhso.hub.dashboard;

import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;

/** The communes the hub serves and their villages (created when criteria sets and rosters load). */
public final class Communes {
  /** {@code province} is the province's name (units.Units has codes and sources). */
  public record Commune(String id, String name, String province) {}

  public record Village(String id, String name) {}

  private final Database db;

  public Communes(Database db) {
    this.db = db;
  }

  public List<Commune> all() {
    return db.reader().withHandle(h -> h.createQuery("SELECT c.id, c.name, p.name FROM commune c "
            + "LEFT JOIN province p ON p.code = c.province_code ORDER BY c.name")
        .map((rs, ctx) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3))).list());
  }

  public Optional<Commune> find(String id) {
    return db.reader().withHandle(h -> h.createQuery("SELECT c.id, c.name, p.name FROM commune c "
            + "LEFT JOIN province p ON p.code = c.province_code WHERE c.id = :id")
        .bind("id", id).map((rs, ctx) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
  }

  public List<Village> villages(String communeId) {
    return db.reader().withHandle(h -> h.createQuery("SELECT id, name FROM village WHERE commune_id = :c ORDER BY name")
        .bind("c", communeId).map((rs, ctx) -> new Village(rs.getString(1), rs.getString(2))).list());
  }
}
