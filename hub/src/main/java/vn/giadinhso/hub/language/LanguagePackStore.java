package vn.giadinhso.hub.language;

import java.util.List;
import java.util.Optional;

/** Language packs, every version kept, for kiosks to download (as {@code LessonPackStore} for lessons). */
public interface LanguagePackStore {
  /**
   * Stores a pack version. The same version with the same content changes nothing; the same
   * version with other content is refused (publish a new version).
   *
   * @return true when something was stored
   */
  boolean save(LanguagePack pack, byte[] zip);

  Optional<byte[]> content(String code, int version);

  /** The newest version of every language. */
  List<LanguagePack> latest();
}
