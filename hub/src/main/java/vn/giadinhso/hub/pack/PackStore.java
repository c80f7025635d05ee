package vn.giadinhso.hub.pack;

import java.util.List;
import java.util.Optional;

/** Packs of one kind, every version kept, for kiosks to download. */
public interface PackStore<P extends VersionedPack> {
  /**
   * Stores a pack version. The same version with the same content changes nothing; the same
   * version with other content is refused (publish a new version).
   *
   * @return true when something was stored
   */
  boolean save(P pack, byte[] zip);

  Optional<byte[]> content(String key, int version);

  /** The newest version of every pack. */
  List<P> latest();
}
