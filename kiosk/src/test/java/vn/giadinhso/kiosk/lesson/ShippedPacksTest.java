package vn.giadinhso.kiosk.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.KioskMain;

/** Every pack the hub ships passes `lessons validate`, links real criteria, and has narration. */
class ShippedPacksTest {

    @Test
    void everyShippedPackPassesLessonsValidate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KioskMain.run(new String[] {"lessons", "validate", ShippedPacks.dir().toString()},
                new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("19 of 19 pack(s) valid"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void packsTeachTheCriteriaOfTheShippedSetsAndEachStepHasAudio() throws Exception {
        Set<String> known = new HashSet<>();
        Path criteria = ShippedPacks.dir().resolveSibling("criteria");
        for (String set : List.of("an-tuong-2026.json", "kon-chieng-2025.json")) {
            new ObjectMapper().readTree(criteria.resolve(set).toFile()).path("criteria")
                    .forEach(c -> known.add(c.path("id").asText()));
        }
        LessonLibrary library = LessonLibrary.load(List.of(ShippedPacks.dir()));
        assertTrue(library.problems().isEmpty(), library.problems().toString());
        assertTrue(library.all().size() >= 19);
        for (LessonPack p : library.all()) {
            assertTrue(known.containsAll(p.lesson().criteria()), p.lesson().id() + " links " + p.lesson().criteria());
            assertTrue(library.byId(p.lesson().next()).isPresent() || p.lesson().next() == null, p.lesson().id() + " next");
            for (Step s : p.lesson().steps()) {
                assertTrue(p.audioFor(s).isPresent(), p.lesson().id() + "/" + s.id() + " has no narration audio;"
                        + " run `lessons render-audio`");
            }
        }
        for (String c : List.of("vneid-level2", "lookup-dossier-result", "submit-dossier-online", "pay-electricity-online",
                "e-payment", "shop-online", "sell-online", "information-security", "hotline-1022", "vssid-health-insurance",
                "google-youtube-maps", "share-location", "follow-zalo-oa", "cashless-payment", "bank-account",
                "community-team-zalo", "province-citizen-app", "read-documents-online")) {
            assertTrue(!library.forCriterion(c).isEmpty(), "a lesson for " + c);
        }
        long bytes;
        try (Stream<Path> files = Files.walk(ShippedPacks.dir())) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(bytes < 10_000_000, "packs stay small: " + bytes + " bytes");
    }

    @Test
    void validateNamesEachProblemAndWhere(@TempDir Path tmp) throws Exception {
        Path pack = tmp.resolve("broken");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("lesson.json"), """
                {"id": "broken", "version": 1, "title": {"vi": "Hỏng", "en": "Broken"}, "criteria": ["vneid-level2"],
                 "learnt": {"vi": "x", "en": "x"},
                 "steps": [
                   {"id": "a", "kind": "tap", "say": {"vi": "Chạm", "en": "Tap"}, "target": "nowhere",
                    "screen": {"elements": [{"type": "button", "id": "ok", "text": {"vi": "OK", "en": "OK"}}]}},
                   {"id": "b", "kind": "info", "audio": "audio/missing.mp3"},
                   {"id": "c", "kind": "choose", "say": {"vi": "Chọn", "en": "Pick"},
                    "choices": [{"id": "x", "text": {"vi": "X", "en": "X"}, "why": {"vi": "x", "en": "x"}}]}
                 ]}
                """);
        List<String> problems = new LessonValidator().validate(pack).stream().map(Object::toString).toList();
        assertTrue(problems.contains("step 1 (a): tap target \"nowhere\" is not on its screen (ids there: ok)"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("step 2 (b): has no narration text")), problems.toString());
        assertTrue(problems.contains("step 2 (b): audio file \"audio/missing.mp3\" is missing from the pack"), problems.toString());
        assertTrue(problems.contains("step 3 (c): a choose step needs 2 to 4 choices"), problems.toString());
    }
}
