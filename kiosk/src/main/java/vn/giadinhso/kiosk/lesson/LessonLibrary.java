package vn.giadinhso.kiosk.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The lessons this kiosk can play: the newest readable version of each id found under the roots.
 * A root holds pack folders ({@code <id>/lesson.json}, as in the hub's sources) or installed
 * versions ({@code <id>/<version>/lesson.json}, as the downloader stores them). A pack that cannot
 * be read is left out and named in {@link #problems()}, so one bad pack never hides the others.
 */
public final class LessonLibrary {

    private final Map<String, LessonPack> byId;
    private final List<String> problems;

    private LessonLibrary(Map<String, LessonPack> byId, List<String> problems) {
        this.byId = byId;
        this.problems = List.copyOf(problems);
    }

    public static LessonLibrary empty() {
        return new LessonLibrary(Map.of(), List.of());
    }

    public static LessonLibrary load(List<Path> roots) {
        LessonPackReader reader = new LessonPackReader();
        List<String> problems = new ArrayList<>();
        List<LessonPack> found = new ArrayList<>();
        for (Path root : roots) {
            for (Path dir : packDirs(root)) {
                try {
                    found.add(reader.read(dir));
                } catch (LessonPackException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        Map<String, LessonPack> newest = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparing((LessonPack p) -> p.lesson().id()))
                .forEach(p -> newest.merge(p.lesson().id(), p,
                        (a, b) -> a.lesson().version() >= b.lesson().version() ? a : b));
        return new LessonLibrary(newest, problems);
    }

    /** Folders holding a lesson.json, one or two levels under {@code root}. */
    static List<Path> packDirs(Path root) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return dirs;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(child.resolve(LessonPackReader.LESSON_FILE))) {
                    dirs.add(child);
                } else {
                    try (Stream<Path> versions = Files.list(child)) {
                        versions.filter(v -> Files.isRegularFile(v.resolve(LessonPackReader.LESSON_FILE)))
                                .sorted().forEach(dirs::add);
                    }
                }
            }
        } catch (IOException e) {
            // An unreadable root is the same as an empty one; the kiosk keeps what it can read.
        }
        return dirs;
    }

    /** The same lessons with each pack passed through {@code each} (a language's translation). */
    public LessonLibrary translated(UnaryOperator<LessonPack> each) {
        Map<String, LessonPack> out = new LinkedHashMap<>();
        byId.forEach((id, pack) -> out.put(id, each.apply(pack)));
        return new LessonLibrary(out, problems);
    }

    public List<LessonPack> all() {
        return List.copyOf(byId.values());
    }

    public Optional<LessonPack> byId(String id) {
        return Optional.ofNullable(id).map(byId::get);
    }

    /** Lessons that count toward a criterion, in id order. */
    public List<LessonPack> forCriterion(String criterionId) {
        return byId.values().stream().filter(p -> p.lesson().criteria().contains(criterionId)).toList();
    }

    /** Installed version of a lesson, or 0. */
    public int version(String id) {
        return byId(id).map(p -> p.lesson().version()).orElse(0);
    }

    public List<String> problems() {
        return problems;
    }
}
