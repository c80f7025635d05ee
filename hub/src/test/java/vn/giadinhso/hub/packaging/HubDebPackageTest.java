package vn.giadinhso.hub.packaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.SystemTool;
import vn.giadinhso.hub.TestDatabase;

/**
 * The hub's .deb as built by {@code ./giadinhso package-hub}, unpacked into a temporary directory
 * ({@code dpkg -x}, nothing installed on this machine): its files where the units and docs say,
 * the settings file 0640 and a conffile, its units valid as installed, and its launcher, on the
 * bundled runtime, serving {@code /api/v1/health} from a SQLite database named in a config file.
 *
 * <p>The package is built only when asked (it takes minutes), so this runs only when given one:
 * {@code ./giadinhso package-hub && mvn -B -o -pl hub -am test -Dtest=HubDebPackageTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgiadinhso.skip.postgresql=true
 * -Dgiadinhso.hub.deb=$PWD/hub/target/giadinhso-hub_<version>_amd64.deb}.
 */
class HubDebPackageTest {
  static final String PROPERTY = "giadinhso.hub.deb";
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;

  @Test
  void theUnpackedPackageServesHealthOnSqliteFromItsConfigFile() throws Exception {
    String given = System.getProperty(PROPERTY);
    Assumptions.assumeTrue(given != null && !given.isBlank(), "the hub's .deb is built only when asked: "
        + "./giadinhso package-hub, then -D" + PROPERTY + "=FILE runs this test on it (hub/packaging/README.md)");
    TestDatabase.sqliteOnly("the package is tried as a commune installs it, on SQLite");
    Path deb = Path.of(given).toAbsolutePath();
    assertTrue(Files.isRegularFile(deb), "no package at " + deb);
    Path dpkgDeb = SystemTool.require("dpkg-deb", "dpkg", "to unpack the hub's .deb");

    Path root = Files.createDirectories(dir.resolve("root"));
    Processes unpack = Processes.run(dir, dpkgDeb.toString(), "-x", deb.toString(), root.toString());
    assertEquals(0, unpack.exitCode(), unpack.output());
    for (String file : List.of("usr/bin/giadinhso-hub", "usr/lib/giadinhso-hub/runtime/bin/java",
        "usr/lib/giadinhso-hub/nightly-backup")) {
      assertTrue(Files.isExecutable(root.resolve(file)), file + " executable");
    }
    assertTrue(Files.isRegularFile(root.resolve("usr/lib/giadinhso-hub/giadinhso-hub.jar")));

    String contents = Processes.run(dir, dpkgDeb.toString(), "-c", deb.toString()).output();
    assertTrue(contents.lines().anyMatch(l -> l.startsWith("-rw-r----- root/root") && l.endsWith("./etc/giadinhso/hub.conf")),
        "hub.conf 0640 (postinst gives it the group giadinhso):\n" + contents);
    String conffiles = Processes.run(dir, dpkgDeb.toString(), "-I", deb.toString(), "conffiles").output();
    assertEquals("/etc/giadinhso/hub.conf", conffiles.strip(), "an operator's edits survive upgrades");

    var analyze = SystemTool.find("systemd-analyze");
    if (analyze.isPresent()) {
      UnitRoot.addSystemUnits(root);
      List<String> verify = new ArrayList<>(List.of(analyze.get().toString(), "verify", "--root=" + root));
      verify.addAll(UnitRoot.UNITS);
      Processes verified = Processes.run(dir, Map.of("SYSTEMD_LOG_LEVEL", "notice"), verify);
      assertEquals(0, verified.exitCode(), verified.output());
      assertEquals("", verified.output().strip(), "the package's units, with its own programs in place");
    }

    Path conf = Files.writeString(dir.resolve("hub.conf"), """
        # as /etc/giadinhso/hub.conf, with a free port
        db = %s
        host = 127.0.0.1
        port = 0
        trusted-proxy = 127.0.0.1
        """.formatted(dir.resolve("data/hub.db")));
    ProcessBuilder builder = new ProcessBuilder(root.resolve("usr/bin/giadinhso-hub").toString(), "serve", "--config", conf.toString())
        .redirectError(dir.resolve("hub.stderr.txt").toFile());
    builder.environment().remove("GIADINHSO_HUB_CONFIG");
    builder.environment().remove("JAVA_HOME");
    Process hub = builder.start();
    try {
      AtomicReference<String> port = new AtomicReference<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.matches()) {
              port.set(m.group(1));
            }
          }
        } catch (IOException ended) {
          // the hub stopped
        }
      }, "packaged-hub-stdout");
      reader.setDaemon(true);
      reader.start();
      await("the packaged hub listens").atMost(Duration.ofSeconds(120)).until(() -> port.get() != null || !hub.isAlive());
      assertTrue(port.get() != null, "the packaged hub did not start: " + Files.readString(dir.resolve("hub.stderr.txt")));

      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get() + "/api/v1/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/hub.db"))));
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve("data/hub.db.secrets.json"))));

      hub.destroy(); // SIGTERM, as systemctl stop sends it
      assertTrue(hub.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
      assertTrue(hub.exitValue() == 0 || hub.exitValue() == 143, "exit " + hub.exitValue() + " (143 is SuccessExitStatus in the unit)");
    } finally {
      hub.destroyForcibly();
    }
  }
}
