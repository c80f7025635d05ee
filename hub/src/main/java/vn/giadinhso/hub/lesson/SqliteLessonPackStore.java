package vn.giadinhso.hub.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.criteria.Text;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;

public final class SqliteLessonPackStore implements LessonPackStore {
  private static final String COLUMNS = "id, version, title_vi, title_en, criteria_json, sha256, size";
  private final Database db;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public SqliteLessonPackStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean save(LessonPack pack, byte[] zip) {
    return db.writer().inTransaction(h -> {
      Optional<String> existing = h.createQuery("SELECT sha256 FROM lesson_pack WHERE id = :id AND version = :v")
          .bind("id", pack.id()).bind("v", pack.version()).mapTo(String.class).findOne();
      if (existing.isPresent()) {
        if (existing.get().equals(pack.sha256())) {
          return false;
        }
        throw new IllegalArgumentException("lesson pack " + pack.id() + " version " + pack.version()
            + " is already loaded with other content; raise its version");
      }
      h.createUpdate("INSERT INTO lesson_pack (" + COLUMNS + ", content, loaded_at, rev) "
              + "VALUES (:id, :v, :tvi, :ten, :criteria, :sha, :size, :content, :at, :rev)")
          .bind("id", pack.id()).bind("v", pack.version())
          .bind("tvi", pack.title().vi()).bind("ten", pack.title().en())
          .bind("criteria", toJson(pack.criteria()))
          .bind("sha", pack.sha256()).bind("size", pack.size())
          .bind("content", zip)
          .bind("at", clock.instant().toString())
          .bind("rev", Revisions.next(h))
          .execute();
      return true;
    });
  }

  @Override
  public Optional<byte[]> content(String id, int version) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT content FROM lesson_pack WHERE id = :id AND version = :v")
        .bind("id", id).bind("v", version).mapTo(byte[].class).findOne());
  }

  @Override
  public List<LessonPack> latest() {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM lesson_pack p "
            + "WHERE version = (SELECT MAX(version) FROM lesson_pack q WHERE q.id = p.id) ORDER BY id")
        .map((rs, ctx) -> pack(rs)).list());
  }

  @Override
  public List<Published> history() {
    return db.reader().withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", loaded_at FROM lesson_pack "
            + "ORDER BY loaded_at DESC, id, version DESC")
        .map((rs, ctx) -> new Published(pack(rs), java.time.Instant.parse(rs.getString("loaded_at")))).list());
  }

  private LessonPack pack(ResultSet rs) throws SQLException {
    try {
      List<String> criteria = json.readValue(rs.getString("criteria_json"), new TypeReference<List<String>>() {});
      return new LessonPack(rs.getString("id"), rs.getInt("version"),
          new Text(rs.getString("title_vi"), rs.getString("title_en")), criteria, rs.getString("sha256"),
          rs.getLong("size"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored criteria list is unreadable", e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
