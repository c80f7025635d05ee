package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every on-screen text is in both bundles, the Vietnamese one with its diacritics, and nowhere else. */
class BundlesTest {

    /** Texts that are the same in both languages on purpose. */
    static final Set<String> SAME_IN_BOTH = Set.of("lang.vi", "lang.en", "key.ok", "support.vneid", "enrol.hubHint");

    static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+[^}]*}").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void bothLanguagesHaveEveryKeyWithTheSamePlaceholders() throws IOException {
        Properties vi = load("vi");
        Properties en = load("en");
        assertEquals(new TreeSet<>(vi.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()), "same keys");
        List<String> problems = new ArrayList<>();
        for (String key : vi.stringPropertyNames()) {
            String v = vi.getProperty(key);
            String e = en.getProperty(key);
            if (v.isBlank() || e.isBlank()) {
                problems.add(key + ": empty");
            }
            if (!placeholders(v).equals(placeholders(e))) {
                problems.add(key + ": placeholders differ: " + v + " / " + e);
            }
            if (!SAME_IN_BOTH.contains(key) && v.equals(e)) {
                problems.add(key + ": not translated: " + v);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void vietnameseTextsHaveTheirDiacritics() throws IOException {
        Properties vi = load("vi");
        List<String> bare = new ArrayList<>();
        for (String key : vi.stringPropertyNames()) {
            String text = vi.getProperty(key).replaceAll("\\{[^}]*}", "");
            // A Vietnamese sentence of two or more words always has a letter beyond ASCII.
            boolean words = text.strip().split("\\s+").length >= 2;
            if (words && text.chars().allMatch(c -> c < 128) && !SAME_IN_BOTH.contains(key)) {
                bare.add(key + "=" + text);
            }
        }
        assertTrue(bare.isEmpty(), "Vietnamese without diacritics:\n" + String.join("\n", bare));
        assertEquals("Quét thẻ để bắt đầu", vi.getProperty("welcome.title"));
        assertEquals("Nghe lại", vi.getProperty("listen"));
    }

    /** No view puts a literal on screen: labels and buttons get their words from {@link Texts}. */
    @Test
    void noViewHasHardCodedWords() throws IOException {
        Path ui = Path.of("src/main/java/vn/giadinhso/kiosk/ui");
        Pattern literal = Pattern.compile(
                "(new (Label|Button|Text)|Widgets\\.(title|body|button)|setText|setPromptText)\\(\\s*\"([^\"]*\\p{L}[^\"]*)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(ui)) {
            // Bench* are the start-up benchmark's harness (a baseline window), never shown to a resident.
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && !p.getFileName().toString().startsWith("Bench")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }
}
