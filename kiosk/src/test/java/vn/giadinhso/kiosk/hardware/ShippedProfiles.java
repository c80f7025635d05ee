package vn.giadinhso.kiosk.hardware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repo's hardware profiles live, for tests. */
public final class ShippedProfiles {

    private ShippedProfiles() {
    }

    public static Path repoRoot() {
        String configured = System.getProperty("giadinhso.repoRoot");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    public static Path dir() {
        return repoRoot().resolve("hardware-profiles");
    }

    public static Path file(String id) {
        return dir().resolve(id + ".json");
    }

    public static HardwareProfile load(String id) {
        try {
            return new HardwareProfileReader().read(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
