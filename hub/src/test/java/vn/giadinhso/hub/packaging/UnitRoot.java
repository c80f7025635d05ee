package vn.giadinhso.hub.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory laid out as the hub's package installs it, for {@code systemd-analyze verify
 * --root=DIR}: the package's units and the programs their ExecStart= lines name, beside a copy of
 * this machine's own system units (the targets ours are ordered after: network-online.target,
 * multi-user.target, timers.target). Nothing is installed on the machine itself.
 */
final class UnitRoot {
  static final Path PACKAGING = Path.of("packaging");
  static final List<String> UNITS = List.of("giadinhso-hub.service", "giadinhso-hub-backup.service", "giadinhso-hub-backup.timer");

  private UnitRoot() {}

  /** Copies this machine's system units into {@code root}, so systemd finds the targets there. */
  static void addSystemUnits(Path root) throws IOException {
    Path hostUnits = Files.isDirectory(Path.of("/usr/lib/systemd/system")) ? Path.of("/usr/lib/systemd/system")
        : Path.of("/lib/systemd/system");
    Path target = root.resolve("usr/lib/systemd/system");
    Files.createDirectories(target);
    try (Stream<Path> units = Files.list(hostUnits)) {
      for (Path unit : units.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(unit.getFileName().toString());
        if (Files.notExists(copy)) {
          Files.copy(unit, copy);
        }
      }
    }
  }

  /** The units and programs from hub/packaging, where the package puts them. */
  static Path fromSources(Path root) throws IOException {
    addSystemUnits(root);
    for (String unit : UNITS) {
      Files.copy(PACKAGING.resolve("systemd").resolve(unit), root.resolve("usr/lib/systemd/system").resolve(unit),
          StandardCopyOption.REPLACE_EXISTING);
    }
    install(PACKAGING.resolve("giadinhso-hub"), root.resolve("usr/bin/giadinhso-hub"));
    install(PACKAGING.resolve("nightly-backup"), root.resolve("usr/lib/giadinhso-hub/nightly-backup"));
    return root;
  }

  private static void install(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    to.toFile().setExecutable(true, false);
  }
}
