package vn.giadinhso.hub.lesson;

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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import vn.giadinhso.hub.criteria.Text;

/**
 * Reads a lesson pack (a folder or a zip with lesson.json at its root) into the zip kiosks
 * download. A folder is zipped in a fixed order with fixed timestamps, so the same content always
 * gives the same SHA-256 and loading it twice changes nothing. The full check of a pack's content
 * is the kiosk's {@code lessons validate}; the hub checks what it needs to distribute it safely.
 */
public final class LessonPackReader {
  public static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final long FIXED_TIME = 315532800000L + 86_400_000L; // 1980-01-02, zip's epoch is 1980
  private final ObjectMapper json = new ObjectMapper();

  /** A pack and its zip bytes. */
  public record Loaded(LessonPack pack, byte[] zip) {}

  public Loaded read(Path path) throws IOException {
    byte[] zip = Files.isDirectory(path) ? zipFolder(path) : Files.readAllBytes(path);
    if (zip.length > MAX_BYTES) {
      throw new IOException(path + ": a lesson pack may be at most 64 MiB");
    }
    return new Loaded(describe(zip, path.toString()), zip);
  }

  /**
   * A pack uploaded as a zip (the dashboard's upload), checked as {@link #read(Path)} checks a
   * zip file; {@code origin} names it in messages.
   */
  public Loaded read(byte[] zip, String origin) throws IOException {
    if (zip.length > MAX_BYTES) {
      throw new IOException(origin + ": a lesson pack may be at most 64 MiB");
    }
    try {
      return new Loaded(describe(zip, origin), zip);
    } catch (java.util.zip.ZipException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(origin + ": not a lesson pack zip (" + e.getClass().getSimpleName() + ")", e);
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
          throw new IOException(folder + ": a lesson pack may be at most 64 MiB");
        }
      }
    }
    return bytes.toByteArray();
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private LessonPack describe(byte[] zip, String origin) throws IOException {
    JsonNode lesson = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          throw new IOException(origin + ": unsafe path in pack: " + name);
        }
        if (name.equals("lesson.json")) {
          lesson = json.readTree(in.readNBytes(4 * 1024 * 1024));
        }
      }
    }
    if (lesson == null) {
      throw new IOException(origin + ": no lesson.json at the pack's root");
    }
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
        sha256(zip), zip.length);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
