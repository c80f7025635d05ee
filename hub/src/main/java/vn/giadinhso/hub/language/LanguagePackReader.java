package vn.giadinhso.hub.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads a language pack (a folder or a zip with pack.json at its root, docs/languages.md) into the
 * zip kiosks download. A folder is zipped in a fixed order with fixed timestamps, so the same
 * content always gives the same SHA-256. The hub checks what it needs to distribute a pack
 * safely; the kiosk checks every string and file before it uses one.
 */
public final class LanguagePackReader {
  public static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final long FIXED_TIME = 315532800000L + 86_400_000L; // 1980-01-02, zip's epoch is 1980
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
  // What a pack may hold; anything else is a mistake in the pack, refused before kiosks see it.
  private static final Pattern ENTRY = Pattern.compile(
      "pack\\.json|kiosk\\.properties|player\\.properties|lessons/[a-z0-9-]+\\.json|audio/[a-z0-9-]+/[A-Za-z0-9._-]+\\.(mp3|wav)"
          + "|README(\\.md)?|lessons/|audio/|audio/[a-z0-9-]+/");
  private final ObjectMapper json = new ObjectMapper();

  /** A pack and its zip bytes. */
  public record Loaded(LanguagePack pack, byte[] zip) {}

  public Loaded read(Path path) throws IOException {
    byte[] zip = Files.isDirectory(path) ? zipFolder(path) : Files.readAllBytes(path);
    return read(zip, path.toString());
  }

  /** A pack uploaded as a zip; {@code origin} names it in messages. */
  public Loaded read(byte[] zip, String origin) throws IOException {
    if (zip.length > MAX_BYTES) {
      throw new IOException(origin + ": a language pack may be at most 64 MiB");
    }
    try {
      return new Loaded(describe(zip, origin), zip);
    } catch (java.util.zip.ZipException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(origin + ": not a language pack zip (" + e.getMessage() + ")", e);
    }
  }

  private byte[] zipFolder(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    files.sort((a, b) -> relative(folder, a).compareTo(relative(folder, b)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(relative(folder, file));
        entry.setTime(FIXED_TIME);
        out.putNextEntry(entry);
        Files.copy(file, out);
        out.closeEntry();
        if (bytes.size() > MAX_BYTES) {
          throw new IOException(folder + ": a language pack may be at most 64 MiB");
        }
      }
    }
    return bytes.toByteArray();
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private LanguagePack describe(byte[] zip, String origin) throws IOException {
    JsonNode meta = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          throw new IOException(origin + ": unsafe path in pack: " + name);
        }
        if (!ENTRY.matcher(name).matches()) {
          throw new IOException(origin + ": " + name + " does not belong in a language pack"
              + " (pack.json, kiosk.properties, player.properties, lessons/<id>.json, audio/<id>/<file>.mp3)");
        }
        if (name.equals("pack.json")) {
          meta = json.readTree(in.readNBytes(64 * 1024));
        }
      }
    }
    if (meta == null) {
      throw new IOException(origin + ": no pack.json at the pack's root");
    }
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
    return new LanguagePack(code, version, name, nameVi, sha256(zip), zip.length);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
