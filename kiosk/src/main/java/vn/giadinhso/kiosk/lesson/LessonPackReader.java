package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vn.giadinhso.kiosk.household.Text;

/**
 * Reads a pack folder (or unpacks a zip into one). Steps may name a screen from the lesson's
 * {@code screens} map instead of repeating it, which keeps hand-written packs short.
 */
public final class LessonPackReader {

    public static final String LESSON_FILE = "lesson.json";
    /** A pack is pictures and short narration; anything bigger is a mistake or an attack. */
    public static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public LessonPack read(Path dir) throws LessonPackException {
        Path file = dir.resolve(LESSON_FILE);
        if (!Files.isRegularFile(file)) {
            throw new LessonPackException(dir + ": no " + LESSON_FILE);
        }
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new LessonPackException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        try {
            return new LessonPack(toLesson(resolveScreens(root)), dir);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new LessonPackException(file + ": " + e.getMessage() + " (run `lessons validate` for details)", e);
        }
    }

    /** The tree with every {@code "screen": "name"} replaced by the named screen. */
    public JsonNode resolveScreens(JsonNode root) {
        JsonNode copy = root.deepCopy();
        JsonNode screens = copy.path("screens");
        for (JsonNode step : copy.path("steps")) {
            JsonNode screen = step.get("screen");
            if (screen != null && screen.isTextual() && screens.has(screen.asText()) && step instanceof ObjectNode o) {
                o.set("screen", screens.get(screen.asText()).deepCopy());
            }
        }
        return copy;
    }

    private Lesson toLesson(JsonNode root) throws IOException {
        List<String> criteria = new ArrayList<>();
        root.path("criteria").forEach(c -> criteria.add(c.asText()));
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : root.path("steps")) {
            steps.add(json.treeToValue(s, Step.class));
        }
        if (!root.path("id").isTextual() || steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs an id and at least one step");
        }
        return new Lesson(root.path("id").asText(), root.path("version").asInt(1),
                json.treeToValue(root.path("title"), Text.class), json.treeToValue(root.path("learnt"), Text.class),
                criteria, root.path("next").isTextual() ? root.path("next").asText() : null, steps);
    }

    /** Unpacks a zip into {@code into}, refusing entries that would land outside it. */
    public static void unzip(InputStream zip, Path into) throws IOException {
        Files.createDirectories(into);
        Path base = into.toAbsolutePath().normalize();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = base.resolve(e.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("zip entry outside the pack: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                total += Files.size(target);
                if (total > MAX_UNPACKED_BYTES) {
                    throw new IOException("pack unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
                }
            }
        }
    }
}
