package vn.giadinhso.kiosk.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.e2e.RealHub;

/**
 * The kiosk's Debian package as a new kiosk gets it (issue 14): {@code dpkg-deb -x} into an empty
 * directory (no JDK is used from this machine: the launcher runs the package's own runtime), then
 * the packaged launcher enrols at a real hub and runs headless until its scans reach the hub.
 * Runs only with {@code -Pkiosk-deb} ({@code ./giadinhso package-kiosk}), after build-deb.sh.
 */
class KioskDebIT {

    private static final String APP = "opt/giadinhso-kiosk";

    @TempDir
    static Path tmp;

    static Path deb;
    static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        SystemTools.require("dpkg", "dpkg-deb");
        Path dir = Path.of(System.getProperty("giadinhso.kioskDeb.dir", "target"));
        try (Stream<Path> files = Files.list(dir)) {
            deb = files.filter(f -> f.getFileName().toString().matches("giadinhso-kiosk_.*_amd64\\.deb"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("no giadinhso-kiosk_*_amd64.deb in " + dir
                            + ": run ./giadinhso package-kiosk (mvn -Pkiosk-deb)"));
        }
        root = tmp.resolve("root");
        SystemTools.Result x = SystemTools.run(tmp, "dpkg-deb", "-x", deb.toString(), root.toString());
        assertEquals(0, x.exit(), x.output());
    }

    @Test
    void thePackageCarriesItsRuntimeTheSessionAndTheDependenciesTheTargetNeeds() throws Exception {
        assertTrue(Files.isExecutable(root.resolve(APP + "/bin/giadinhso-kiosk")), "the launcher");
        assertTrue(Files.isExecutable(root.resolve(APP + "/lib/runtime/bin/java")), "its own Java runtime");
        assertFalse(Files.exists(root.resolve(APP + "/lib/runtime/bin/javac")), "a runtime, not a JDK");
        assertTrue(Files.isRegularFile(root.resolve(APP + "/lib/app/libglassgtk3.so")), "JavaFX's natives beside the jar");
        assertTrue(Files.isRegularFile(root.resolve("lib/systemd/system/giadinhso-kiosk.service")), "the session unit");
        assertTrue(Files.isRegularFile(root.resolve("etc/default/giadinhso-kiosk")), "its settings");

        Set<String> depends = field("Depends");
        for (String p : List.of("cage", "xwayland", "espeak-ng", "libgtk-3-0", "libgl1", "fonts-dejavu-core")) {
            assertTrue(depends.contains(p), "Depends has " + p + ": " + depends);
        }
        SystemTools.Result modules = SystemTools.run(tmp, root.resolve(APP + "/lib/runtime/bin/java").toString(),
                "--list-modules");
        assertEquals(0, modules.exit(), modules.output());
        // Looked up by name at run time, so jdeps does not see them; without them no card verifies.
        assertTrue(modules.output().contains("jdk.crypto.ec@"), modules.output());
        assertFalse(modules.output().contains("java.compiler@"), "trimmed: " + modules.output());
    }

    /**
     * Every shared library the packaged natives (JavaFX's and the runtime's) link against is in
     * the package, or comes from a package its Depends (or Recommends) names — checked for each
     * library this machine has, by the Debian package that owns it here. Libraries this machine
     * lacks are the ffmpeg versions of other distributions (JavaFX ships a plugin per version).
     */
    @Test
    void everyLibraryTheNativesNeedComesFromADependency() throws Exception {
        SystemTools.require("binutils dpkg", "readelf", "dpkg-query", "ldconfig");
        Set<String> declared = new TreeSet<>(field("Depends"));
        declared.addAll(field("Recommends"));
        Set<String> inPackage;
        List<Path> natives;
        try (Stream<Path> files = Files.walk(root.resolve(APP))) {
            natives = files.filter(f -> f.getFileName().toString().endsWith(".so")).toList();
        }
        inPackage = natives.stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        String cache = SystemTools.run(tmp, "ldconfig", "-p").output();
        // Each library once (dpkg-query is slow): which packaged natives need it.
        java.util.Map<String, Set<String>> neededBy = new java.util.TreeMap<>();
        for (Path lib : natives) {
            String dynamic = SystemTools.run(tmp, "readelf", "-d", lib.toString()).output();
            for (String line : dynamic.lines().filter(l -> l.contains("(NEEDED)")).toList()) {
                String needed = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
                if (!inPackage.contains(needed)) {
                    neededBy.computeIfAbsent(needed, k -> new TreeSet<>()).add(lib.getFileName().toString());
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        for (var entry : neededBy.entrySet()) {
            String needed = entry.getKey();
            String path = cache.lines().filter(l -> l.strip().startsWith(needed + " ") && l.contains("x86-64"))
                    .map(l -> l.substring(l.indexOf("=> ") + 3).strip()).findFirst().orElse(null);
            if (path == null) {
                continue;
            }
            String owner = owner(path);
            if (!declared.contains(owner)) {
                missing.add(needed + " (" + owner + ", for " + entry.getValue() + ")");
            }
        }
        assertTrue(missing.isEmpty(), "libraries from packages the .deb does not depend on: " + missing);
    }

    @Test
    void thePackagedLauncherEnrolsAndRunsHeadlessUntilItsScansReachTheHub() throws Exception {
        String launcher = root.resolve(APP + "/bin/giadinhso-kiosk").toString();
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = tmp.resolve("kiosk-data");
            SystemTools.Result enrol = SystemTools.run(tmp, launcher, "enrol", "--data", data.toString(),
                    "--hub", hub.uri().toString(), "--code", hub.enrolmentCode());
            assertEquals(0, enrol.exit(), enrol.output());
            String kioskId = new ObjectMapper().readTree(data.resolve("kiosk.json").toFile()).path("kioskId").asText();

            Process run = new ProcessBuilder(launcher, "run", "--headless", "--data", data.toString(), "--stdin")
                    .directory(tmp.toFile()).redirectError(tmp.resolve("run.err").toFile()).start();
            try (OutputStream in = run.getOutputStream()) {
                in.write((hub.householdQr("AT-TH1-0001") + "\n"
                        + RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "run --headless did not end after its input");
            String err = Files.readString(tmp.resolve("run.err"));
            assertEquals(0, run.exitValue(), out + err);

            List<JsonNode> scans = out.lines().map(KioskDebIT::json).toList();
            assertEquals(2, scans.size(), out + err);
            // The household card's Ed25519 signature verified by the packaged runtime.
            assertEquals(Arrays.asList(true, true), scans.stream().map(s -> s.path("valid").asBoolean()).toList(), out);
            assertTrue(scans.get(0).path("kind").asText().contains("HOUSEHOLD"), out);
            assertEquals(2, hub.events(kioskId, "identified").size(), "both scans at the hub; kiosk said: " + err);
        }
    }

    private static Set<String> field(String name) throws IOException, InterruptedException {
        SystemTools.Result f = SystemTools.run(tmp, "dpkg-deb", "-f", deb.toString(), name);
        assertEquals(0, f.exit(), f.output());
        return Arrays.stream(f.output().split(",")).map(p -> p.strip().split("[ (]")[0])
                .filter(p -> !p.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The Debian package that owns a library file here ({@code /lib} and {@code /usr/lib} are one since usrmerge). */
    private static String owner(String path) throws IOException, InterruptedException {
        Path real = Path.of(path).toRealPath();
        for (String candidate : List.of(real.toString(), real.toString().replaceFirst("^/usr/lib/", "/lib/"),
                path, path.replaceFirst("^/usr/lib/", "/lib/"))) {
            SystemTools.Result s = SystemTools.run(tmp, "dpkg-query", "-S", candidate);
            if (s.exit() == 0) {
                return s.output().lines().findFirst().orElseThrow().split(":")[0].strip();
            }
        }
        return "no package (" + path + ")";
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
