package vn.giadinhso.hub.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.hub.criteria.Text;
import vn.giadinhso.hub.pack.PackReader;

/**
 * Reads a lesson pack (a folder or a zip with lesson.json at its root) into the zip kiosks
 * download ({@link PackReader}). The full check of a pack's content is the kiosk's
 * {@code lessons validate}; the hub checks what it needs to distribute it: an id, a version, a
 * title in both languages.
 */
public final class LessonPackReader extends PackReader<LessonPack> {
  public LessonPackReader() {
    super("lesson pack", "lesson.json", 4 * 1024 * 1024);
  }

  @Override
  protected LessonPack describe(JsonNode lesson, String origin, String sha256, long size) throws IOException {
    String id = lesson.path("id").asText("");
    if (!id.matches("[a-z0-9-]{1,64}")) {
      throw new IOException(origin + ": lesson.json: id must be 1-64 of a-z 0-9 -");
    }
    int version = lesson.path("version").asInt(0);
    if (version < 1) {
      throw new IOException(origin + ": lesson.json: version must be a whole number from 1");
    }
    JsonNode title = lesson.path("title");
    if (!title.path("vi").isTextual() || !title.path("en").isTextual()) {
      throw new IOException(origin + ": lesson.json: title needs vi and en");
    }
    List<String> criteria = new ArrayList<>();
    lesson.path("criteria").forEach(c -> criteria.add(c.asText()));
    return new LessonPack(id, version, new Text(title.get("vi").asText(), title.get("en").asText()), criteria,
        sha256, size);
  }
}
