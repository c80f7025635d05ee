package vn.giadinhso.kiosk.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk package's session files as systemd and the shell see them (issue 14), in every
 * {@code mvn verify}: the unit passes {@code systemd-analyze verify}, and the maintainer scripts
 * and the build script pass shellcheck. Building and running the .deb itself is
 * {@code KioskDebIT}, only with {@code -Pkiosk-deb} ({@code ./giadinhso package-kiosk}).
 */
class KioskSessionFilesTest {

    private static final Path PACKAGING = SystemTools.repoRoot().resolve("kiosk/packaging");
    private static final Path UNIT = PACKAGING.resolve("systemd/giadinhso-kiosk.service");

    @TempDir
    Path tmp;

    /**
     * {@code systemd-analyze verify --root}: a root holding this machine's own units (so
     * graphical.target, getty@.service, sysinit.target… resolve) and the kiosk's unit where the
     * package puts it, with an empty stand-in for {@code /usr/bin/cage}, which systemd checks is
     * executable but a build machine need not have. Verified: syntax, every key known (an unknown
     * key is only a warning, so any output fails the test), dependencies that load, the
     * ExecStart binary. Not verified: that cage and the kiosk really start on a seat (no seat or
     * tty here), the User (created by the postinst), the kiosk launcher's path (an argument).
     */
    @Test
    void theSessionUnitPassesSystemdAnalyzeVerify() throws Exception {
        SystemTools.require("systemd", "systemd-analyze");
        Path root = tmp.resolve("root");
        Path units = root.resolve("usr/lib/systemd/system");
        copyTree(Path.of("/lib/systemd/system"), units);
        Files.copy(UNIT, units.resolve(UNIT.getFileName()));
        Path cage = root.resolve("usr/bin/cage");
        Files.createDirectories(cage.getParent());
        Files.writeString(cage, "#!/bin/sh\n");
        Files.setPosixFilePermissions(cage, PosixFilePermissions.fromString("rwxr-xr-x"));

        SystemTools.Result verify = SystemTools.run(tmp, "systemd-analyze", "verify", "--root=" + root,
                units.resolve(UNIT.getFileName()).toString());
        assertEquals(0, verify.exit(), verify.output());
        assertEquals("", verify.output().strip(), "systemd-analyze verify warns about the unit");
    }

    /** What the issue asks of the session, as an IT officer reading the unit would check it. */
    @Test
    void theSessionReplacesTheTty1LoginRestartsAndAllowsNoConsoleSwitching() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        String exec = lines.stream().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertTrue(exec.startsWith("ExecStart=/usr/bin/cage "), exec);
        assertFalse(exec.contains(" -s"), "cage -s would allow Ctrl+Alt+Fn to another console: " + exec);
        assertTrue(exec.contains("/opt/giadinhso-kiosk/bin/giadinhso-kiosk run --data /var/lib/giadinhso-kiosk"), exec);
        for (String setting : List.of("User=giadinhso-kiosk", "PAMName=login", "TTYPath=/dev/tty1", "Restart=always",
                "RestartSec=2", "Conflicts=getty@tty1.service", "WantedBy=graphical.target", "StartLimitIntervalSec=0")) {
            assertTrue(lines.contains(setting), "the unit has " + setting);
        }
    }

    @Test
    void theMaintainerScriptsAndTheBuildScriptPassShellcheck() throws Exception {
        SystemTools.require("shellcheck", "shellcheck");
        for (String script : List.of("debian/postinst", "debian/prerm", "debian/postrm", "build-deb.sh")) {
            SystemTools.Result check = SystemTools.run(PACKAGING, "shellcheck", script);
            assertEquals(0, check.exit(), script + ":\n" + check.output());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isSymbolicLink(f)) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Files.readSymbolicLink(f));
                } else if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
