package vn.giadinhso.hub.language;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.regex.Pattern;
import vn.giadinhso.hub.pack.PackReader;

/**
 * Reads a language pack (a folder or a zip with pack.json at its root, docs/languages.md) into the
 * zip kiosks download ({@link PackReader}). The hub checks what it needs to distribute a pack
 * safely; the kiosk checks every string and file before it uses one.
 */
public final class LanguagePackReader extends PackReader<LanguagePack> {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
  // What a pack may hold; anything else is a mistake in the pack, refused before kiosks see it.
  private static final Pattern ENTRY = Pattern.compile(
      "pack\\.json|kiosk\\.properties|player\\.properties|lessons/[a-z0-9-]+\\.json|audio/[a-z0-9-]+/[A-Za-z0-9._-]+\\.(mp3|wav)"
          + "|README(\\.md)?|lessons/|audio/|audio/[a-z0-9-]+/");

  public LanguagePackReader() {
    super("language pack", "pack.json", 64 * 1024);
  }

  @Override
  protected void checkEntry(String name, String origin) throws IOException {
    if (!ENTRY.matcher(name).matches()) {
      throw new IOException(origin + ": " + name + " does not belong in a language pack"
          + " (pack.json, kiosk.properties, player.properties, lessons/<id>.json, audio/<id>/<file>.mp3)");
    }
  }

  @Override
  protected LanguagePack describe(JsonNode meta, String origin, String sha256, long size) throws IOException {
    String code = meta.path("code").asText("");
    if (!CODE.matcher(code).matches()) {
      throw new IOException(origin + ": pack.json: code must be a language code of a-z, 0-9 and dashes");
    }
    if (code.equals("vi") || code.equals("en")) {
      throw new IOException(origin + ": pack.json: vi and en are built into the kiosk; a pack adds another language");
    }
    int version = meta.path("version").isInt() ? meta.path("version").asInt() : 0;
    if (version < 1) {
      throw new IOException(origin + ": pack.json: version must be a whole number from 1");
    }
    String name = meta.path("name").asText("").strip();
    String nameVi = meta.path("nameVi").asText("").strip();
    if (name.isEmpty() || nameVi.isEmpty()) {
      throw new IOException(origin + ": pack.json: name (in the language itself) and nameVi are required");
    }
    return new LanguagePack(code, version, name, nameVi, sha256, size);
  }
}
