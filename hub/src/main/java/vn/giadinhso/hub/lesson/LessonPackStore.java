package vn.giadinhso.hub.lesson;

import java.util.List;
import java.util.Optional;

/** Lesson packs, every version kept, for kiosks to download. */
public interface LessonPackStore {
  /**
   * Stores a pack version. The same version with the same content changes nothing; the same
   * version with other content is refused (publish a new version).
   *
   * @return true when something was stored
   */
  boolean save(LessonPack pack, byte[] zip);

  Optional<byte[]> content(String id, int version);

  /** A stored pack version and when it was published. */
  record Published(LessonPack pack, java.time.Instant at) {}

  /** Every version of every pack, newest publication first. */
  List<Published> history();

  /** The newest version of every pack. */
  List<LessonPack> latest();
}
