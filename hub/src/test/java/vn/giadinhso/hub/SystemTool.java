package vn.giadinhso.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A system program a test needs (caddy, systemd-analyze): found on the PATH, or the test skips
 * with the reason, except under {@code REQUIRE_SYSTEM_TESTS=1} (CI), where it fails.
 */
public final class SystemTool {
  private SystemTool() {}

  /** The program's path; skips (or under REQUIRE_SYSTEM_TESTS=1 fails) the test when it is missing. */
  public static Path require(String program, String aptPackage, String purpose) {
    Optional<Path> found = find(program);
    if (found.isPresent()) {
      return found.get();
    }
    String message = program + " is not installed (apt: " + aptPackage + "); it is needed " + purpose;
    if ("1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message + " (set REQUIRE_SYSTEM_TESTS=1 to fail instead)");
    throw new AssertionError("unreachable");
  }

  public static Optional<Path> find(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
    return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/sbin", "/sbin"))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
