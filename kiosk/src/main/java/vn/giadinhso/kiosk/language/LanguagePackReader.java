package vn.giadinhso.kiosk.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and checks a language pack folder. Everything a pack may hold is checked here, so a
 * malformed pack is refused whole, with the file and the reason, before it replaces a good one.
 */
public final class LanguagePackReader {

    public static final String PACK_FILE = "pack.json";
    /** A language code: ISO 639 ({@code bdq}, {@code jra}) or a private-use tag ({@code x-test}). */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    // Passed to espeak-ng as one argument; no leading dash, so it can never read as an option.
    private static final Pattern VOICE = Pattern.compile("[a-z][a-zA-Z0-9+_-]{0,31}");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> kioskKeys;
    private final Set<String> playerKeys;

    /**
     * @param kioskKeys  the keys of the built-in screen strings; a pack key outside them is a typo
     * @param playerKeys the keys of the built-in lesson player words
     */
    public LanguagePackReader(Set<String> kioskKeys, Set<String> playerKeys) {
        this.kioskKeys = Set.copyOf(kioskKeys);
        this.playerKeys = Set.copyOf(playerKeys);
    }

    public LanguagePack read(Path dir) throws LanguagePackException {
        List<String> problems = new ArrayList<>();
        Optional<LanguagePack> pack = parse(dir, problems);
        if (!problems.isEmpty() || pack.isEmpty()) {
            throw new LanguagePackException(dir + ": " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return pack.get();
    }

    /** Every problem of the pack in {@code dir}; empty when it can be used. */
    public List<String> validate(Path dir) {
        List<String> problems = new ArrayList<>();
        parse(dir, problems);
        return problems;
    }

    private Optional<LanguagePack> parse(Path dir, List<String> problems) {
        Path file = dir.resolve(PACK_FILE);
        if (!Files.isRegularFile(file)) {
            problems.add("no " + PACK_FILE + " (a language pack needs one at its root)");
            return Optional.empty();
        }
        JsonNode meta;
        try {
            meta = json.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(PACK_FILE + ": not valid JSON: " + e.getMessage());
            return Optional.empty();
        }
        String code = meta.path("code").asText("");
        if (!CODE.matcher(code).matches()) {
            problems.add(PACK_FILE + ": code \"" + code + "\" must be a language code of a-z, 0-9 and dashes");
        } else if (code.equals("vi") || code.equals("en")) {
            problems.add(PACK_FILE + ": vi and en are built into the kiosk; a pack adds another language");
        }
        String name = meta.path("name").asText("").strip();
        String nameVi = meta.path("nameVi").asText("").strip();
        if (name.isEmpty() || nameVi.isEmpty()) {
            problems.add(PACK_FILE + ": name (the language in itself) and nameVi (in Vietnamese) are required");
        }
        int version = meta.path("version").isInt() ? meta.path("version").asInt() : 0;
        if (version < 1) {
            problems.add(PACK_FILE + ": version must be a whole number from 1");
        }
        Optional<String> voice = meta.hasNonNull("voice") ? Optional.of(meta.get("voice").asText()) : Optional.empty();
        if (voice.isPresent() && !VOICE.matcher(voice.get()).matches()) {
            problems.add(PACK_FILE + ": voice \"" + voice.get() + "\" is not an espeak-ng voice name");
        }
        Map<String, String> kiosk = properties(dir, "kiosk.properties", kioskKeys, problems);
        Map<String, String> player = properties(dir, "player.properties", playerKeys, problems);
        Map<String, LessonTranslation> lessons = lessons(dir.resolve("lessons"), problems);
        checkAudio(dir.resolve("audio"), code, problems);
        return Optional.of(new LanguagePack(code, name, nameVi, version, voice, dir, kiosk, player, lessons));
    }

    private static Map<String, String> properties(Path dir, String name, Set<String> known, List<String> problems) {
        Path file = dir.resolve(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(name + ": not readable as UTF-8 properties: " + e.getMessage());
            return out;
        }
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (!known.contains(key)) {
                problems.add(name + ": unknown key \"" + key + "\" (keys are those of the Vietnamese strings)");
                continue;
            }
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + key + ": a {0}-style placeholder is malformed: " + e.getMessage());
                continue;
            }
            if (!value.isBlank()) {
                out.put(key, value);
            }
        }
        return out;
    }

    private Map<String, LessonTranslation> lessons(Path dir, List<String> problems) {
        Map<String, LessonTranslation> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                String id = file.endsWith(".json") ? file.substring(0, file.length() - 5) : "";
                if (!ID.matcher(id).matches() || !Files.isRegularFile(f)) {
                    problems.add("lessons/" + file + ": expected <lesson-id>.json");
                    continue;
                }
                try {
                    out.put(id, lesson(json.readTree(f.toFile()), "lessons/" + file, problems));
                } catch (IOException e) {
                    problems.add("lessons/" + file + ": not valid JSON: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("lessons/: unreadable: " + e.getMessage());
        }
        return out;
    }

    private static LessonTranslation lesson(JsonNode root, String where, List<String> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : List.of("title", "learnt")) {
            text(root, f, f, fields, where, problems);
        }
        root.path("steps").fields().forEachRemaining(step -> {
            JsonNode s = step.getValue();
            for (String f : List.of("say", "hint", "done")) {
                text(s, f, step.getKey() + "." + f, fields, where, problems);
            }
            s.path("choices").fields().forEachRemaining(choice -> {
                for (String f : List.of("text", "why")) {
                    text(choice.getValue(), f, step.getKey() + "." + choice.getKey() + "." + f, fields, where, problems);
                }
            });
        });
        Map<String, String> phone = new LinkedHashMap<>();
        root.path("phone").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                phone.put(e.getKey(), e.getValue().asText());
            } else {
                problems.add(where + ": phone \"" + e.getKey() + "\" must be a text");
            }
        });
        return new LessonTranslation(fields, phone);
    }

    private static void text(JsonNode node, String field, String path, Map<String, String> into, String where,
            List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(where + ": " + path + " must be a non-empty text");
            return;
        }
        into.put(path, v.asText());
    }

    /** Recordings only, named so the player finds them: audio/<lesson>/<step>.<code>.mp3 or audio/kiosk/<key>.<code>.wav. */
    private static void checkAudio(Path audio, String code, List<String> problems) {
        if (!Files.isDirectory(audio)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(audio)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = audio.relativize(f);
                String name = rel.getFileName().toString();
                boolean ok = rel.getNameCount() == 2 && ID.matcher(rel.getName(0).toString()).matches()
                        && (name.endsWith("." + code + ".mp3") || name.endsWith("." + code + ".wav"))
                        && KEY.matcher(name.substring(0, name.length() - code.length() - 5)).matches();
                if (!ok) {
                    problems.add("audio/" + rel.toString().replace('\\', '/') + ": expected audio/<lesson-id>/<step-id>."
                            + code + ".mp3 (or .wav), or audio/kiosk/<key>." + code + ".mp3");
                }
            }
        } catch (IOException e) {
            problems.add("audio/: unreadable: " + e.getMessage());
        }
    }
}
