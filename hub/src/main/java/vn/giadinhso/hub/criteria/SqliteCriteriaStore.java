package vn.giadinhso.hub.criteria;

import java.time.Clock;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;
import vn.giadinhso.hub.units.Units;

public final class SqliteCriteriaStore implements CriteriaStore {
  private final Database db;
  private final CriteriaSetJson json;
  private final Clock clock;

  public SqliteCriteriaStore(Database db, CriteriaSetJson json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public boolean load(CriteriaSet set) {
    String document = json.toText(set);
    return db.writer()
        .inTransaction(
            h -> {
              // A commune the hub does not know yet comes in under the province its set names. One it
              // knows keeps its name and province: those come from the units (decision hub-015).
              boolean known = h.createQuery("SELECT count(*) FROM commune WHERE id = :id")
                  .bind("id", set.communeId()).mapTo(Integer.class).one() > 0;
              if (!known) {
                h.createUpdate(
                        "INSERT INTO commune (id, name, province_code, source) VALUES (:id, :name, :province, :source)")
                    .bind("id", set.communeId())
                    .bind("name", set.communeName())
                    .bind("province", Units.provinceForName(h, set.province()))
                    .bind("source", "Bộ tiêu chí của xã · the commune's criteria set")
                    .execute();
              }
              Optional<String> existing =
                  h.createQuery("SELECT document FROM criteria_set WHERE commune_id = :c AND version = :v")
                      .bind("c", set.communeId())
                      .bind("v", set.version())
                      .mapTo(String.class)
                      .findOne();
              if (existing.isPresent()) {
                if (json.fromText(existing.get()).equals(set)) {
                  return false;
                }
                throw new IllegalArgumentException(
                    "version " + set.version() + " of " + set.communeId()
                        + " is already loaded with other content; publish it as a new version");
              }
              long rev = Revisions.next(h);
              h.createUpdate(
                      "INSERT INTO criteria_set (commune_id, version, document, loaded_at, rev) "
                          + "VALUES (:c, :v, :d, :at, :rev)")
                  .bind("c", set.communeId())
                  .bind("v", set.version())
                  .bind("d", document)
                  .bind("at", clock.instant().toString())
                  .bind("rev", rev)
                  .execute();
              // Every household's evaluation may change with the set: kiosks must fetch them again.
              // Each gets a revision of its own (above this one) so sync pages can split anywhere.
              Revisions.bumpAll(h, "household", "commune_id", set.communeId());
              return true;
            });
  }

  @Override
  public Optional<CriteriaSet> active(String communeId) {
    return db.reader()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT document FROM criteria_set WHERE commune_id = :c ORDER BY version DESC LIMIT 1")
                    .bind("c", communeId)
                    .mapTo(String.class)
                    .findOne()
                    .map(json::fromText));
  }

  @Override
  public boolean changedBetween(String communeId, long afterRev, long maxRev) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM criteria_set WHERE commune_id = :c AND rev > :after AND rev <= :max")
        .bind("c", communeId).bind("after", afterRev).bind("max", maxRev)
        .mapTo(Integer.class).one() > 0);
  }

  @Override
  public java.util.List<Version> history(String communeId) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT document, loaded_at FROM criteria_set WHERE commune_id = :c ORDER BY version DESC")
        .bind("c", communeId)
        .map((rs, ctx) -> {
          CriteriaSet set = json.fromText(rs.getString("document"));
          return new Version(set.version(), set.title(), set.criteria().size(),
              java.time.Instant.parse(rs.getString("loaded_at")));
        })
        .list());
  }

  @Override
  public java.util.List<String> communesWithSets() {
    return db.reader().withHandle(h -> h.createQuery("SELECT DISTINCT commune_id FROM criteria_set ORDER BY commune_id")
        .mapTo(String.class).list());
  }
}
