package vn.giadinhso.hub.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.SystemTool;

/**
 * The hub package's systemd units (hub/packaging/systemd) as systemd itself reads them, in a
 * directory laid out like an installed system ({@link UnitRoot}): no unknown or misspelt key, no
 * bad value, every ExecStart= program present and executable, every unit they name found
 * ({@code systemd-analyze verify}); and the service's exposure as {@code systemd-analyze security}
 * scores it. What this does not show: that the JVM runs under the filter (the system calls it makes
 * at run time); docs/deployment.md says how an operator checks that on the server.
 */
class HubUnitFilesTest {
  private static final String WHY = "to check the hub package's systemd units";
  private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for (\\S+): (\\d+\\.\\d+)");

  @TempDir Path root;

  @Test
  void systemdFindsNothingWrongWithTheUnits() throws Exception {
    Path analyze = SystemTool.require("systemd-analyze", "systemd", WHY);
    UnitRoot.fromSources(root);
    List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--root=" + root));
    command.addAll(UnitRoot.UNITS);
    Processes verify = Processes.run(root, Map.of("SYSTEMD_LOG_LEVEL", "notice"), command);
    // verify exits 0 even for an unknown key ("Unknown key 'Usr' in section [Service], ignoring"):
    // it only prints it. Anything printed is a problem.
    assertEquals(0, verify.exitCode(), verify.output());
    assertEquals("", verify.output().strip(), "systemd-analyze verify reported problems");
  }

  @Test
  void theServicesAreHardenedAsSystemdScoresThem() throws Exception {
    Path analyze = SystemTool.require("systemd-analyze", "systemd", WHY);
    UnitRoot.fromSources(root);
    for (String service : List.of("giadinhso-hub.service", "giadinhso-hub-backup.service")) {
      Processes security = Processes.run(root, Map.of(), List.of(analyze.toString(), "security", "--offline=true",
          "--root=" + root, "--no-pager", service));
      Matcher m = EXPOSURE.matcher(security.output());
      assertTrue(m.find(), security.output());
      double exposure = Double.parseDouble(m.group(2));
      // 0 is a unit locked down completely, 10 one with no protection; "OK" is below 2. The JVM
      // needs writable executable memory (its JIT), which is most of what remains.
      assertTrue(exposure < 2.0, service + " exposure " + exposure + " (docs/deployment.md lists the score):\n"
          + security.output());
    }
  }

  @Test
  void theServiceRunsAsItsOwnUserWithPrivateDataAndRestarts() throws Exception {
    List<String> lines = Files.readAllLines(UnitRoot.PACKAGING.resolve("systemd/giadinhso-hub.service"));
    for (String required : List.of("User=giadinhso", "StateDirectory=giadinhso", "StateDirectoryMode=0700", "UMask=0077",
        "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes", "PrivateDevices=yes",
        "CapabilityBoundingSet=", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service",
        "Restart=on-failure", "ExecStart=/usr/bin/giadinhso-hub serve --config /etc/giadinhso/hub.conf")) {
      assertTrue(lines.contains(required), "giadinhso-hub.service lacks " + required);
    }
  }
}
