package vn.giadinhso.hub.lesson;

import java.util.List;
import vn.giadinhso.hub.criteria.Text;
import vn.giadinhso.hub.pack.VersionedPack;

/**
 * A lesson pack as the hub distributes it: what kiosks need to decide whether to download it.
 * The pack's content (lesson.json, pictures, narration) is one zip, identified by its SHA-256.
 */
public record LessonPack(String id, int version, Text title, List<String> criteria, String sha256, long size)
    implements VersionedPack {
  public LessonPack {
    criteria = List.copyOf(criteria);
  }

  @Override
  public String key() {
    return id;
  }
}
