package vn.giadinhso.hub.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The backup file's layout: the magic line {@code GIADINHSO-BACKUP\n}, the manifest's length (4
 * bytes, big-endian) and the manifest (UTF-8 JSON), then the sealed body: every part's bytes one
 * after another, in the manifest's order (see {@link SealedStream}).
 */
public final class BackupFile {
  static final byte[] MAGIC = "GIADINHSO-BACKUP\n".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MANIFEST = 4 * 1024 * 1024;

  private BackupFile() {}

  /** A part's content on disk while the backup is assembled. */
  record PartFile(BackupManifest.Part part, Path file) {}

  /**
   * Writes the file next to {@code to} and moves it into place, so a nightly run that fails never
   * leaves half a backup under the expected name.
   */
  static void write(Path to, BackupManifest manifest, List<Path> partFiles, PassphraseKey key) throws IOException {
    byte[] header = header(manifest);
    Path parent = to.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".backup", ".part");
    try {
      PrivateFiles.ownerOnly(temp);
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp))) {
        file.write(header);
        try (SealedStream.Writer body = new SealedStream.Writer(file, key.key(), header)) {
          for (Path part : partFiles) {
            Files.copy(part, body);
          }
        }
      }
      Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static byte[] header(BackupManifest manifest) throws IOException {
    byte[] json = JSON.writeValueAsBytes(manifest);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(out);
    data.write(MAGIC);
    data.writeInt(json.length);
    data.write(json);
    return out.toByteArray();
  }

  /** An opened backup: its manifest, readable without the passphrase, and a way into its body. */
  public static final class Opened implements AutoCloseable {
    private final InputStream in;
    private final byte[] header;
    private final BackupManifest manifest;

    private Opened(InputStream in, byte[] header, BackupManifest manifest) {
      this.in = in;
      this.header = header;
      this.manifest = manifest;
    }

    public BackupManifest manifest() {
      return manifest;
    }

    /**
     * The body's parts, one after another.
     *
     * @throws WrongPassphrase before reading any of the body
     */
    Parts parts(PassphraseKey key) throws WrongPassphrase {
      if (!key.matches(manifest.verifier())) {
        throw new WrongPassphrase();
      }
      return new Parts(new SealedStream.Reader(in, key.key(), header), manifest.parts());
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Reads the header; the body stays unread until {@link Opened#parts}. */
  public static Opened open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    try {
      DataInputStream data = new DataInputStream(in);
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + " is not a Gia Đình Số backup (it does not start with " + new String(MAGIC,
            StandardCharsets.US_ASCII).strip() + ")");
      }
      int length = data.readInt();
      if (length <= 0 || length > MAX_MANIFEST) {
        throw new IOException(file + ": the backup's manifest is damaged");
      }
      byte[] json = in.readNBytes(length);
      if (json.length < length) {
        throw new IOException(file + ": the backup ends inside its manifest (a truncated copy?)");
      }
      BackupManifest manifest = JSON.readValue(json, BackupManifest.class);
      if (manifest.format() != BackupManifest.FORMAT) {
        throw new IOException(file + ": backup format " + manifest.format() + " is not one this hub reads (it reads "
            + BackupManifest.FORMAT + "); use a newer hub");
      }
      return new Opened(in, header(manifest), manifest);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Walks the parts in order; each is checked against its size and SHA-256 once read to its end. */
  static final class Parts implements AutoCloseable {
    private final InputStream body;
    private final List<BackupManifest.Part> parts;
    private int next;

    Parts(InputStream body, List<BackupManifest.Part> parts) {
      this.body = body;
      this.parts = parts;
    }

    /** The next part's bytes: read them to the end, then call {@link Part#verify()}. */
    Part next(String expectedName) throws IOException {
      if (next == parts.size()) {
        throw new IOException("the backup has no part " + expectedName);
      }
      BackupManifest.Part part = parts.get(next++);
      if (!part.name().equals(expectedName)) {
        throw new IOException("the backup's part " + part.name() + " comes where " + expectedName + " was expected");
      }
      return new Part(part, body);
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** One part's bytes as a stream that ends where the part ends. */
  static final class Part extends InputStream {
    private final BackupManifest.Part part;
    private final DigestInputStream in;
    private long left;

    Part(BackupManifest.Part part, InputStream body) {
      this.part = part;
      this.in = new DigestInputStream(body, sha256());
      this.left = part.size();
    }

    BackupManifest.Part described() {
      return part;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new SealedStream.Damaged("the backup ends inside " + part.name());
      }
      left -= n;
      return n;
    }

    /** Reads what is left and checks the part's checksum. */
    void verify() throws IOException {
      skipRemaining();
      String sum = HexFormat.of().formatHex(in.getMessageDigest().digest());
      if (!sum.equals(part.sha256())) {
        throw new SealedStream.Damaged("the backup's part " + part.name() + " does not match its checksum");
      }
    }

    private void skipRemaining() throws IOException {
      byte[] sink = new byte[8192];
      while (read(sink, 0, sink.length) >= 0) {
        // drain
      }
    }

    @Override
    public void close() {
      // the body stays open for the next part
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Size and SHA-256 of a file. */
  static BackupManifest.Part describe(String name, Path file, List<String> columns) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return new BackupManifest.Part(name, Files.size(file), HexFormat.of().formatHex(sha.digest()), columns);
  }

  /** The passphrase does not open this backup. */
  public static final class WrongPassphrase extends Exception {
    WrongPassphrase() {
      super("wrong passphrase: it does not open this backup (nothing was restored)");
    }
  }
}
