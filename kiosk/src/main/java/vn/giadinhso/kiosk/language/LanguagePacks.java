package vn.giadinhso.kiosk.language;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.giadinhso.kiosk.lesson.LessonPackFetcher;
import vn.giadinhso.kiosk.lesson.PackListing;

/**
 * The languages this kiosk speaks: Vietnamese and English built in, and every language pack
 * installed under the data dir (downloaded after a sync, like lesson packs) or in a folder named
 * by {@value #EXTRA_DIRS_PROPERTY}. Adding a language is adding a pack; no code names one.
 */
public final class LanguagePacks {

    /** Extra pack folders, separated like a class path; for demos and development. */
    public static final String EXTRA_DIRS_PROPERTY = "giadinhso.languages";

    private static final BuiltInTexts BUILT_IN = BuiltInTexts.load();
    private static final LanguagePacks BUILT_IN_ONLY = new LanguagePacks(BUILT_IN, Optional.empty(), List.of());

    private final BuiltInTexts builtIn;
    private final LanguagePackReader reader;
    private final Optional<LessonPackFetcher> fetcher;
    private final List<Path> roots;
    private volatile Installed installed;

    private record Installed(Map<String, LanguagePack> byCode, List<String> problems) {
    }

    private LanguagePacks(BuiltInTexts builtIn, Optional<LessonPackFetcher> fetcher, List<Path> roots) {
        this.builtIn = builtIn;
        this.reader = new LanguagePackReader(builtIn.messageKeys(), builtIn.playerKeys());
        this.fetcher = fetcher;
        this.roots = List.copyOf(roots);
        this.installed = load();
    }

    /** Only vi and en, the languages built into the kiosk (immutable, so one is enough). */
    public static LanguagePacks builtInOnly() {
        return BUILT_IN_ONLY;
    }

    /** Packs from these folders (each holding {@code <code>/pack.json} or {@code <code>/<version>/pack.json}). */
    public static LanguagePacks from(List<Path> roots) {
        return new LanguagePacks(BUILT_IN, Optional.empty(), roots);
    }

    /**
     * Packs downloaded into {@code installRoot} from the hub, plus the folders in the
     * {@value #EXTRA_DIRS_PROPERTY} system property.
     */
    public static LanguagePacks downloaded(Path installRoot, LessonPackFetcher.Source source,
            java.util.function.Consumer<String> log) {
        LanguagePackReader check = new LanguagePackReader(BUILT_IN.messageKeys(), BUILT_IN.playerKeys());
        LessonPackFetcher fetcher = new LessonPackFetcher(installRoot, source, log, "language pack",
                LanguagePackReader.PACK_FILE, (dir, listed) -> checked(check, dir, listed));
        return new LanguagePacks(BUILT_IN, Optional.of(fetcher), installedRoots(installRoot));
    }

    /**
     * What is installed in {@code installRoot} and the {@value #EXTRA_DIRS_PROPERTY} folders, with
     * no hub to fetch from: for the enrolment screen, before the kiosk has a hub.
     */
    public static LanguagePacks installed(Path installRoot) {
        return new LanguagePacks(BUILT_IN, Optional.empty(), installedRoots(installRoot));
    }

    private static List<Path> installedRoots(Path installRoot) {
        List<Path> roots = new ArrayList<>();
        roots.add(installRoot);
        for (String dir : System.getProperty(EXTRA_DIRS_PROPERTY, "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                roots.add(Path.of(dir));
            }
        }
        return roots;
    }

    private static List<String> checked(LanguagePackReader check, Path dir, PackListing listed) {
        List<String> problems = new ArrayList<>(check.validate(dir));
        if (problems.isEmpty()) {
            try {
                String code = check.read(dir).code();
                if (!code.equals(listed.id())) {
                    problems.add("pack.json: code \"" + code + "\" but the hub listed \"" + listed.id() + "\"");
                }
            } catch (LanguagePackException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** After a sync page listed {@code languagePacks}: fetch what is new; true when a language arrived or changed. */
    public boolean afterSync(JsonNode languagePacks) throws InterruptedException {
        if (fetcher.isEmpty() || fetcher.get().fetch(PackListing.parse(languagePacks, "code")).isEmpty()) {
            return false;
        }
        installed = load();
        return true;
    }

    /** Vietnamese first, English second, then every installed language by code; each named in itself. */
    public List<Language> available() {
        List<Language> all = new ArrayList<>();
        all.add(language(Language.VI));
        all.add(language(Language.EN));
        installed.byCode().keySet().forEach(code -> all.add(language(code)));
        return all;
    }

    /** The language with this code; one not installed (any more) is Vietnamese. */
    public Language language(String code) {
        if (Language.VI.equals(code) || Language.EN.equals(code)) {
            return new Language(code, builtIn.messages(code).getString("lang." + code), Optional.empty(), builtIn);
        }
        LanguagePack pack = code == null ? null : installed.byCode().get(code);
        return pack == null ? language(Language.VI) : new Language(code, pack.nameSelf(), Optional.of(pack), builtIn);
    }

    public Language language(Locale locale) {
        return language(locale.toLanguageTag());
    }

    /** Packs that could not be read, each with its reason (for the log and staff). */
    public List<String> problems() {
        return installed.problems();
    }

    private Installed load() {
        Map<String, LanguagePack> newest = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path root : roots) {
            for (Path dir : packDirs(root)) {
                try {
                    LanguagePack p = reader.read(dir);
                    newest.merge(p.code(), p, (a, b) -> a.version() >= b.version() ? a : b);
                } catch (LanguagePackException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return new Installed(Map.copyOf(newest), problems);
    }

    /** Folders holding a pack.json, one or two levels under {@code root}. */
    private static List<Path> packDirs(Path root) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return dirs;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                if (Files.isRegularFile(child.resolve(LanguagePackReader.PACK_FILE))) {
                    dirs.add(child);
                } else if (!child.getFileName().toString().startsWith(".")) {
                    try (Stream<Path> versions = Files.list(child)) {
                        versions.filter(v -> Files.isRegularFile(v.resolve(LanguagePackReader.PACK_FILE)))
                                .sorted().forEach(dirs::add);
                    }
                }
            }
        } catch (IOException e) {
            // An unreadable root is the same as an empty one; the kiosk keeps what it can read.
        }
        return dirs;
    }
}
