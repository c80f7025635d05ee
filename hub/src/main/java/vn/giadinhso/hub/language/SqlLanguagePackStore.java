package vn.giadinhso.hub.language;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.statement.Update;
import vn.giadinhso.hub.pack.SqlPackStore;
import vn.giadinhso.hub.storage.Database;

/** {@link LanguagePackStore} in table language_pack, the same SQL on SQLite and PostgreSQL. */
public final class SqlLanguagePackStore extends SqlPackStore<LanguagePack> implements LanguagePackStore {
  public SqlLanguagePackStore(Database db, Clock clock) {
    super(db, clock, "language_pack", "code", "language pack", List.of("name", "name_vi"));
  }

  @Override
  protected void bindOwn(Update insert, LanguagePack pack) {
    insert.bind("name", pack.name()).bind("name_vi", pack.nameVi());
  }

  @Override
  protected LanguagePack pack(ResultSet rs) throws SQLException {
    return new LanguagePack(rs.getString("code"), rs.getInt("version"), rs.getString("name"), rs.getString("name_vi"),
        rs.getString("sha256"), rs.getLong("size"));
  }
}
