package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a pack folder the way a careful reviewer would, and says exactly where each problem is:
 * the schema, every referenced file present, every tap target on its screen, every step narrated.
 * Works on the JSON tree, so one run reports every problem instead of stopping at the first.
 */
public final class LessonValidator {

    public static final Set<String> ELEMENT_TYPES = Set.of("statusBar", "header", "text", "input", "button",
            "listItem", "tabs", "otp", "notification", "qr", "apps", "card", "message", "map", "image");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    // A 9- or 12-digit run in a lesson is most likely someone's real ID number pasted in by mistake.
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)(\\d{12}|\\d{9})(?!\\d)");

    /** One problem: where it is and what is wrong. */
    public record Problem(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final LessonPackReader reader = new LessonPackReader();

    public List<Problem> validate(Path dir) {
        List<Problem> problems = new ArrayList<>();
        Path file = dir.resolve(LessonPackReader.LESSON_FILE);
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(dir.toString(), "no " + LessonPackReader.LESSON_FILE + " in this folder"));
            return problems;
        }
        JsonNode raw;
        try {
            raw = json.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "not valid JSON: " + e.getMessage()));
            return problems;
        }
        new Run(dir, problems).lesson(raw, reader.resolveScreens(raw));
        return problems;
    }

    private final class Run {
        private final Path dir;
        private final List<Problem> problems;

        Run(Path dir, List<Problem> problems) {
            this.dir = dir;
            this.problems = problems;
        }

        void lesson(JsonNode raw, JsonNode root) {
            if (!root.isObject()) {
                add("lesson.json", "must be a JSON object");
                return;
            }
            String id = root.path("id").asText("");
            if (!ID.matcher(id).matches()) {
                add("id", "must be lower-case letters, digits and dashes, e.g. \"vneid-activate\" (got \"" + id + "\")");
            } else if (!dir.getFileName().toString().equals(id) && !dir.getFileName().toString().startsWith(id + "-")) {
                add("id", "\"" + id + "\" should match the folder name \"" + dir.getFileName() + "\"");
            }
            if (!root.path("version").canConvertToInt() || root.path("version").asInt() < 1) {
                add("version", "must be a whole number from 1 up");
            }
            text(root.path("title"), "title");
            text(root.path("learnt"), "learnt");
            JsonNode criteria = root.path("criteria");
            if (!criteria.isArray() || criteria.isEmpty()) {
                add("criteria", "list at least one criterion id this lesson counts toward");
            } else {
                criteria.forEach(c -> {
                    if (!c.isTextual() || !ID.matcher(c.asText()).matches()) {
                        add("criteria", "\"" + c.asText() + "\" is not a criterion id");
                    }
                });
            }
            if (root.has("next") && !root.path("next").isTextual()) {
                add("next", "must be the id of another lesson");
            }
            JsonNode screens = raw.path("screens");
            if (!raw.path("screens").isMissingNode() && !screens.isObject()) {
                add("screens", "must be an object of named screens");
            }
            screens.fields().forEachRemaining(e -> screen(e.getValue(), "screens." + e.getKey()));
            JsonNode steps = root.path("steps");
            if (!steps.isArray() || steps.isEmpty()) {
                add("steps", "a lesson needs at least one step");
                return;
            }
            Set<String> stepIds = new HashSet<>();
            for (int i = 0; i < steps.size(); i++) {
                JsonNode rawStep = raw.path("steps").path(i);
                step(steps.get(i), rawStep, i, stepIds);
            }
            idNumbers(raw, "lesson.json");
        }

        void step(JsonNode s, JsonNode rawStep, int i, Set<String> stepIds) {
            String id = s.path("id").asText("");
            String where = "step " + (i + 1) + (id.isEmpty() ? "" : " (" + id + ")");
            if (!ID.matcher(id).matches()) {
                add(where, "needs an id of lower-case letters, digits and dashes");
            } else if (!stepIds.add(id)) {
                add(where, "id \"" + id + "\" is used by an earlier step");
            }
            String kind = s.path("kind").asText("");
            if (!Set.of("tap", "type", "choose", "info").contains(kind)) {
                add(where, "kind must be tap, type, choose or info (got \"" + kind + "\")");
                return;
            }
            if (!s.path("say").path("vi").isTextual() || s.path("say").path("vi").asText().isBlank()) {
                add(where, "has no narration text: add \"say\": {\"vi\": \"…\", \"en\": \"…\"}");
            } else if (!s.path("say").path("en").isTextual() || s.path("say").path("en").asText().isBlank()) {
                add(where, "say.en is missing (English second, but present)");
            }
            file(s, "audio", where);
            file(s, "image", where);
            JsonNode screenRef = rawStep.path("screen");
            if (screenRef.isTextual() && !s.path("screen").isObject()) {
                add(where, "screen \"" + screenRef.asText() + "\" is not in the lesson's screens");
            } else if (s.has("screen") && !s.path("screen").isObject()) {
                add(where, "screen must be a screen object or the name of one");
            } else if (s.has("screen") && rawStep.path("screen").isObject()) {
                screen(s.path("screen"), where + " screen");
            }
            Set<String> elementIds = elementIds(s.path("screen"));
            switch (kind) {
                case "tap" -> {
                    String target = s.path("target").asText("");
                    if (!s.path("screen").isObject()) {
                        add(where, "a tap step needs a screen");
                    } else if (target.isEmpty()) {
                        add(where, "a tap step needs a \"target\": the id of the element to tap");
                    } else if (!elementIds.contains(target)) {
                        add(where, "tap target \"" + target + "\" is not on its screen (ids there: "
                                + String.join(", ", new java.util.TreeSet<>(elementIds)) + ")");
                    }
                }
                case "type" -> {
                    String target = s.path("target").asText("");
                    if (!s.path("screen").isObject() || !elementIds.contains(target)) {
                        add(where, "a type step needs a screen with the input named by \"target\" (\"" + target + "\")");
                    }
                    if (!s.path("answer").isTextual() || s.path("answer").asText().isBlank()) {
                        add(where, "a type step needs the \"answer\" to type");
                    } else if ("digits".equals(s.path("keys").asText()) && !s.path("answer").asText().matches("[0-9]+")) {
                        add(where, "keys are digits but the answer \"" + s.path("answer").asText() + "\" is not");
                    }
                }
                case "choose" -> {
                    JsonNode choices = s.path("choices");
                    if (!choices.isArray() || choices.size() < 2 || choices.size() > 4) {
                        add(where, "a choose step needs 2 to 4 choices");
                        return;
                    }
                    int right = 0;
                    Set<String> ids = new HashSet<>();
                    for (JsonNode c : choices) {
                        String cid = c.path("id").asText("");
                        if (!ID.matcher(cid).matches() || !ids.add(cid)) {
                            add(where, "choice \"" + cid + "\" needs a unique id");
                        }
                        text(c.path("text"), where + " choice " + cid + " text");
                        text(c.path("why"), where + " choice " + cid + " why");
                        file(c, "image", where + " choice " + cid);
                        right += c.path("correct").asBoolean(false) ? 1 : 0;
                    }
                    if (right != 1) {
                        add(where, "exactly one choice must be \"correct\": true (found " + right + ")");
                    }
                }
                default -> {
                }
            }
        }

        void screen(JsonNode screen, String where) {
            JsonNode elements = screen.path("elements");
            if (!elements.isArray() || elements.isEmpty()) {
                add(where, "a screen needs \"elements\"");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode e : elements) {
                element(e, where, seen);
            }
        }

        void element(JsonNode e, String where, Set<String> seen) {
            String type = e.path("type").asText("");
            if (!ELEMENT_TYPES.contains(type)) {
                add(where, "unknown element type \"" + type + "\" (known: " + String.join(", ",
                        new java.util.TreeSet<>(ELEMENT_TYPES)) + ")");
            }
            if (e.has("id") && !seen.add(e.path("id").asText())) {
                add(where, "element id \"" + e.path("id").asText() + "\" appears twice on one screen");
            }
            if ("image".equals(type)) {
                file(e, "value", where + " image");
            }
            for (JsonNode child : e.path("items")) {
                element(child, where, seen);
            }
        }

        Set<String> elementIds(JsonNode screen) {
            Set<String> ids = new HashSet<>();
            screen.path("elements").forEach(e -> collect(e, ids));
            return ids;
        }

        void collect(JsonNode e, Set<String> ids) {
            if (e.path("id").isTextual()) {
                ids.add(e.path("id").asText());
            }
            e.path("items").forEach(c -> collect(c, ids));
        }

        void text(JsonNode t, String where) {
            if (!t.path("vi").isTextual() || t.path("vi").asText().isBlank()) {
                add(where, "needs Vietnamese text: {\"vi\": \"…\", \"en\": \"…\"}");
            } else if (!t.path("en").isTextual() || t.path("en").asText().isBlank()) {
                add(where, "needs English text too (\"en\")");
            }
        }

        void file(JsonNode node, String field, String where) {
            if (!node.has(field)) {
                return;
            }
            String name = node.path(field).asText("");
            Path p = dir.resolve(name).normalize();
            if (name.isBlank() || !p.startsWith(dir.normalize())) {
                add(where, field + " \"" + name + "\" must be a file inside the pack");
            } else if (!Files.isRegularFile(p)) {
                add(where, field + " file \"" + name + "\" is missing from the pack");
            }
        }

        void idNumbers(JsonNode node, String where) {
            if (node.isTextual() && ID_NUMBER.matcher(node.asText()).find()) {
                add(where, "\"" + node.asText() + "\" contains a 9- or 12-digit number: never put a real ID number in a"
                        + " lesson; use a shorter made-up one");
            }
            node.forEach(child -> idNumbers(child, where));
        }

        void add(String where, String message) {
            problems.add(new Problem(where, message));
        }
    }
}
