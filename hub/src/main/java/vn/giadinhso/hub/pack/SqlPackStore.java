package vn.giadinhso.hub.pack;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Update;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;

/**
 * A {@link PackStore} in one table per kind, the same SQL on SQLite and PostgreSQL. Every kind's
 * table has its key column, version, sha256, size, content, loaded_at and rev; a kind adds the
 * columns only it has (a lesson's title, a language's names), binds them by column name and reads
 * a pack back from a row.
 */
public abstract class SqlPackStore<P extends VersionedPack> implements PackStore<P> {
  private final Database db;
  private final Clock clock;
  private final String table;
  private final String key;
  private final String noun;
  private final String columns;
  private final String insert;

  /**
   * @param table      e.g. lesson_pack
   * @param key        the column that names a pack (id, code)
   * @param noun       the kind in messages ("lesson pack")
   * @param ownColumns the kind's own columns, bound by {@link #bindOwn} under their names
   */
  protected SqlPackStore(Database db, Clock clock, String table, String key, String noun, List<String> ownColumns) {
    this.db = db;
    this.clock = clock;
    this.table = table;
    this.key = key;
    this.noun = noun;
    this.columns = key + ", version, " + String.join(", ", ownColumns) + ", sha256, size";
    this.insert = "INSERT INTO " + table + " (" + columns + ", content, loaded_at, rev) VALUES (:key, :version, "
        + ownColumns.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
        + ", :sha256, :size, :content, :loaded_at, :rev)";
  }

  /** Binds the kind's own columns, each under its column name. */
  protected abstract void bindOwn(Update insert, P pack);

  /** A pack from a row holding the key, version, own columns, sha256 and size. */
  protected abstract P pack(ResultSet row) throws SQLException;

  @Override
  public boolean save(P pack, byte[] zip) {
    return db.writer().inTransaction(h -> {
      Optional<String> existing = h.createQuery("SELECT sha256 FROM " + table + " WHERE " + key + " = :key AND version = :v")
          .bind("key", pack.key()).bind("v", pack.version()).mapTo(String.class).findOne();
      if (existing.isPresent()) {
        if (existing.get().equals(pack.sha256())) {
          return false;
        }
        throw new IllegalArgumentException(noun + " " + pack.key() + " version " + pack.version()
            + " is already published with other content; raise its version");
      }
      Update update = h.createUpdate(insert)
          .bind("key", pack.key()).bind("version", pack.version())
          .bind("sha256", pack.sha256()).bind("size", pack.size())
          .bind("content", zip)
          .bind("loaded_at", clock.instant().toString())
          .bind("rev", Revisions.next(h));
      bindOwn(update, pack);
      update.execute();
      return true;
    });
  }

  @Override
  public Optional<byte[]> content(String packKey, int version) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT content FROM " + table + " WHERE " + key + " = :key AND version = :v")
        .bind("key", packKey).bind("v", version).mapTo(byte[].class).findOne());
  }

  @Override
  public List<P> latest() {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + columns + " FROM " + table + " p WHERE version = "
            + "(SELECT MAX(version) FROM " + table + " q WHERE q." + key + " = p." + key + ") ORDER BY " + key)
        .map((rs, ctx) -> pack(rs)).list());
  }

  /** Every version of every pack, newest publication first. */
  public List<Published<P>> history() {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + columns + ", loaded_at FROM " + table
            + " ORDER BY loaded_at DESC, " + key + ", version DESC")
        .map((rs, ctx) -> new Published<>(pack(rs), Instant.parse(rs.getString("loaded_at")))).list());
  }
}
