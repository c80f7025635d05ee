package vn.giadinhso.hub.pack;

/**
 * What every kind of pack the hub distributes has (lesson packs, language packs): a key that names
 * it, a version, and the SHA-256 and size of the zip kiosks download.
 */
public interface VersionedPack {
  String key();

  int version();

  String sha256();

  long size();
}
