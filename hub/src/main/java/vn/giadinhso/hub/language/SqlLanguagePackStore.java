package vn.giadinhso.hub.language;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;

/** {@link LanguagePackStore} in table language_pack, the same SQL on SQLite and PostgreSQL. */
public final class SqlLanguagePackStore implements LanguagePackStore {
  private static final String COLUMNS = "code, version, name, name_vi, sha256, size";
  private final Database db;
  private final Clock clock;

  public SqlLanguagePackStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean save(LanguagePack pack, byte[] zip) {
    return db.writer().inTransaction(h -> {
      Optional<String> existing = h.createQuery("SELECT sha256 FROM language_pack WHERE code = :c AND version = :v")
          .bind("c", pack.code()).bind("v", pack.version()).mapTo(String.class).findOne();
      if (existing.isPresent()) {
        if (existing.get().equals(pack.sha256())) {
          return false;
        }
        throw new IllegalArgumentException("language pack " + pack.code() + " version " + pack.version()
            + " is already published with other content; raise its version");
      }
      h.createUpdate("INSERT INTO language_pack (" + COLUMNS + ", content, loaded_at, rev) "
              + "VALUES (:c, :v, :name, :nameVi, :sha, :size, :content, :at, :rev)")
          .bind("c", pack.code()).bind("v", pack.version())
          .bind("name", pack.name()).bind("nameVi", pack.nameVi())
          .bind("sha", pack.sha256()).bind("size", pack.size())
          .bind("content", zip)
          .bind("at", clock.instant().toString())
          .bind("rev", Revisions.next(h))
          .execute();
      return true;
    });
  }

  @Override
  public Optional<byte[]> content(String code, int version) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT content FROM language_pack WHERE code = :c AND version = :v")
        .bind("c", code).bind("v", version).mapTo(byte[].class).findOne());
  }

  @Override
  public List<LanguagePack> latest() {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM language_pack p "
            + "WHERE version = (SELECT MAX(version) FROM language_pack q WHERE q.code = p.code) ORDER BY code")
        .map((rs, ctx) -> pack(rs)).list());
  }

  private static LanguagePack pack(ResultSet rs) throws SQLException {
    return new LanguagePack(rs.getString("code"), rs.getInt("version"), rs.getString("name"), rs.getString("name_vi"),
        rs.getString("sha256"), rs.getLong("size"));
  }
}
