package vn.giadinhso.kiosk.lesson;

import java.nio.file.Path;

/** Where the hub's source lesson packs are, from the kiosk module's tests. */
public final class ShippedPacks {

    private ShippedPacks() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("giadinhso.repoRoot", "..")).resolve("hub/src/main/resources/lessons")
                .toAbsolutePath().normalize();
    }

    public static LessonPack read(String id) throws LessonPackException {
        return new LessonPackReader().read(dir().resolve(id));
    }
}
