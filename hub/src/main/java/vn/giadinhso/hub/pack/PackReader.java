package vn.giadinhso.hub.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads a pack (a folder or a zip with its manifest, e.g. lesson.json, at its root) into the zip
 * kiosks download. A folder is zipped in a fixed order with fixed timestamps, so the same content
 * always gives the same SHA-256 and publishing it twice changes nothing. This class checks what
 * the hub needs to distribute any pack safely (size, paths, a manifest); a kind checks its
 * manifest and what its packs may hold. The full check of a pack's content is the kiosk's.
 */
public abstract class PackReader<P> {
  public static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final long FIXED_TIME = 315532800000L + 86_400_000L; // 1980-01-02, zip's epoch is 1980
  private final ObjectMapper json = new ObjectMapper();
  private final String noun;
  private final String manifest;
  private final int manifestLimit;

  /**
   * @param noun          the kind in messages ("lesson pack")
   * @param manifest      the file at the pack's root that describes it ("lesson.json")
   * @param manifestLimit how many bytes of the manifest are read at most
   */
  protected PackReader(String noun, String manifest, int manifestLimit) {
    this.noun = noun;
    this.manifest = manifest;
    this.manifestLimit = manifestLimit;
  }

  /** A pack and its zip bytes. */
  public record Loaded<P>(P pack, byte[] zip) {}

  /** The file at a pack's root that describes it; a folder holding one is a pack. */
  public String manifest() {
    return manifest;
  }

  /** Refuses an entry that does not belong in this kind of pack; {@code origin} names the pack. */
  protected void checkEntry(String name, String origin) throws IOException {
  }

  /** The pack a manifest describes, or an IOException that says what is wrong with it. */
  protected abstract P describe(JsonNode manifest, String origin, String sha256, long size) throws IOException;

  public Loaded<P> read(Path path) throws IOException {
    byte[] zip = Files.isDirectory(path) ? zipFolder(path) : Files.readAllBytes(path);
    return read(zip, path.toString());
  }

  /**
   * A pack uploaded as a zip (the dashboard's upload), checked as {@link #read(Path)} checks a
   * zip file; {@code origin} names it in messages.
   */
  public Loaded<P> read(byte[] zip, String origin) throws IOException {
    if (zip.length > MAX_BYTES) {
      throw new IOException(origin + ": a " + noun + " may be at most 64 MiB");
    }
    try {
      return new Loaded<>(describe(manifest(zip, origin), origin, sha256(zip), zip.length), zip);
    } catch (ZipException | JsonProcessingException e) {
      throw new IOException(origin + ": not a " + noun + " zip (" + e.getClass().getSimpleName() + ")", e);
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
          throw new IOException(folder + ": a " + noun + " may be at most 64 MiB");
        }
      }
    }
    return bytes.toByteArray();
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private JsonNode manifest(byte[] zip, String origin) throws IOException {
    JsonNode found = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
          throw new IOException(origin + ": unsafe path in pack: " + name);
        }
        checkEntry(name, origin);
        if (name.equals(manifest)) {
          found = json.readTree(in.readNBytes(manifestLimit));
        }
      }
    }
    if (found == null) {
      throw new IOException(origin + ": no " + manifest + " at the pack's root");
    }
    return found;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
