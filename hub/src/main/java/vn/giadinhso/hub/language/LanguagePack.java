package vn.giadinhso.hub.language;

import vn.giadinhso.hub.pack.VersionedPack;

/**
 * A language pack as the hub distributes it (docs/languages.md): what a kiosk needs to decide
 * whether to download it, and the language's names for the dashboard. Its content is one zip.
 *
 * @param name   the language's name in itself
 * @param nameVi its name in Vietnamese
 */
public record LanguagePack(String code, int version, String name, String nameVi, String sha256, long size)
    implements VersionedPack {
  @Override
  public String key() {
    return code;
  }
}
