package vn.giadinhso.hub.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.statement.Update;
import vn.giadinhso.hub.criteria.Text;
import vn.giadinhso.hub.pack.SqlPackStore;
import vn.giadinhso.hub.storage.Database;

/** {@link LessonPackStore} in table lesson_pack, the same SQL on SQLite and PostgreSQL. */
public final class SqliteLessonPackStore extends SqlPackStore<LessonPack> implements LessonPackStore {
  private final ObjectMapper json = new ObjectMapper();

  public SqliteLessonPackStore(Database db, Clock clock) {
    super(db, clock, "lesson_pack", "id", "lesson pack", List.of("title_vi", "title_en", "criteria_json"));
  }

  @Override
  protected void bindOwn(Update insert, LessonPack pack) {
    insert.bind("title_vi", pack.title().vi()).bind("title_en", pack.title().en())
        .bind("criteria_json", toJson(pack.criteria()));
  }

  @Override
  protected LessonPack pack(ResultSet rs) throws SQLException {
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
