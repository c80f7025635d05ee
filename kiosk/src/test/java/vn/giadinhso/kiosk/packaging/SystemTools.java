package vn.giadinhso.kiosk.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The system tools the packaging tests run: found on PATH, or the test skips (fails under REQUIRE_SYSTEM_TESTS=1). */
final class SystemTools {

    private SystemTools() {
    }

    static void require(String apt, String... tools) {
        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        String message = missing + " not installed (apt install " + apt + ")";
        if (!missing.isEmpty() && "1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
            throw new AssertionError("REQUIRE_SYSTEM_TESTS=1 but " + message);
        }
        Assumptions.assumeTrue(missing.isEmpty(), "skipped: " + message);
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Exit code and everything the command printed (stdout and stderr together). */
    record Result(int exit, String output) {
    }

    static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** The repository's root (surefire sets giadinhso.repoRoot; from an IDE, the kiosk module's parent). */
    static Path repoRoot() {
        return Path.of(System.getProperty("giadinhso.repoRoot", "..")).toAbsolutePath().normalize();
    }
}
