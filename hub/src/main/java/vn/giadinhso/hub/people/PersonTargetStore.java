package vn.giadinhso.hub.people;

import java.time.Clock;
import vn.giadinhso.hub.storage.Database;

/** Each commune's person-level targets; {@link PersonTargets#DEFAULTS} until its staff change them. */
public final class PersonTargetStore {
  private final Database db;
  private final Clock clock;

  public PersonTargetStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public PersonTargets of(String communeId) {
    return db.reader().withHandle(h -> h.createQuery("SELECT residents_percent, officials_percent, youth_percent "
            + "FROM commune_person_target WHERE commune_id = :c")
        .bind("c", communeId)
        .map((rs, ctx) -> new PersonTargets(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .findOne().orElse(PersonTargets.DEFAULTS));
  }

  public void save(String communeId, PersonTargets targets, String staff) {
    db.writer().useTransaction(h -> h.createUpdate("INSERT INTO commune_person_target (commune_id, residents_percent, "
            + "officials_percent, youth_percent, updated_at, updated_by) VALUES (:c, :r, :o, :y, :at, :by) "
            + "ON CONFLICT (commune_id) DO UPDATE SET residents_percent = excluded.residents_percent, "
            + "officials_percent = excluded.officials_percent, youth_percent = excluded.youth_percent, "
            + "updated_at = excluded.updated_at, updated_by = excluded.updated_by")
        .bind("c", communeId).bind("r", targets.residentsPercent()).bind("o", targets.officialsPercent())
        .bind("y", targets.youthPercent()).bind("at", clock.instant().toString()).bind("by", staff)
        .execute());
  }
}
