package vn.giadinhso.hub.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Files holding residents' data or the hub's keys in plain form, however briefly (a snapshot being
 * sealed, a part being restored): owner-only, in an owner-only folder, removed afterwards.
 */
final class PrivateFiles implements AutoCloseable {
  private final Path dir;

  private PrivateFiles(Path dir) {
    this.dir = dir;
  }

  /** A fresh owner-only folder inside {@code near} (the same disk as the result, for atomic moves). */
  static PrivateFiles in(Path near) throws IOException {
    Files.createDirectories(near);
    Path dir;
    try {
      dir = Files.createTempDirectory(near, ".giadinhso-backup",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException notPosix) {
      dir = Files.createTempDirectory(near, ".giadinhso-backup");
    }
    return new PrivateFiles(dir);
  }

  Path file(String name) throws IOException {
    Path f = dir.resolve(name);
    Files.createFile(f);
    ownerOnly(f);
    return f;
  }

  static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's ACL applies (docs/deployment.md)
    }
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
