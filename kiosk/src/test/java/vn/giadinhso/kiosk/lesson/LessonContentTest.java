package vn.giadinhso.kiosk.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a reviewer of the shipped lessons checks beyond `lessons validate`: that a resident can type
 * every answer on the keyboard the step shows, that residents are not addressed as "bạn", that the
 * electricity lesson uses the demo province's customer codes, and that each lesson counts toward a
 * criterion of the shipped sets that fits it.
 */
class LessonContentTest {

    /**
     * What the kiosk's letter keyboard offers: Latin letters with the Vietnamese shape and tone
     * marks, đ, the digit row, space, the dot and the dash (dossier codes and passwords have both).
     */
    private static final Pattern LETTER_KEYS = Pattern.compile("[a-zA-Z0-9 .\\-đĐ\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B]+");
    /** The number pad: digits only (spaces in an answer are ignored for digit steps). */
    private static final Pattern DIGIT_KEYS = Pattern.compile("[0-9 ]+");
    private static final Pattern BAN = Pattern.compile("(?iu)(?<!\\p{L})bạn(?!\\p{L})");

    /**
     * Phone-screen texts that quote the real app or message, which say "bạn" themselves; the kiosk's
     * own voice (say, hint, done, why, learnt, bundles) never does.
     */
    private static final Map<String, String> BAN_EXCEPTIONS = Map.of(
            "maps-location: Vị trí của bạn", "the map app's own label on the blue dot",
            "maps-location: Bạn đang ở đây", "the chat app's own label when sharing a location",
            "scam-recognise: Chúc mừng! Số điện thoại của bạn trúng xe máy. Chuyển 2 triệu phí nhận thưởng vào số tài khoản này.",
            "the scam text message as scammers write it",
            "shop-online: Bạn muốn mua gì?", "the shopping app's own search placeholder",
            "zalo-oa: Bạn đã quan tâm trang này", "the chat app's own confirmation after Follow");

    /**
     * Electricity customer-code prefixes by province, for the criteria sets' provinces. Gia Lai is
     * served by EVNCPC's PC Gia Lai: codes from the former Gia Lai power company start PC10, and
     * households of the former Bình Định company (merged into PC Gia Lai on 1 July 2025, e.g. Ân
     * Tường) keep codes starting PC07.
     */
    private static final Map<String, List<String>> ELECTRICITY_PREFIXES = Map.of("Gia Lai", List.of("PC10", "PC07"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> packs;
    private static Map<String, Set<String>> criteriaBySet;
    private static Map<String, String> provinceBySet;

    @BeforeAll
    static void load() throws IOException {
        packs = new HashMap<>();
        try (Stream<Path> dirs = Files.list(ShippedPacks.dir())) {
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("lesson.json"))).toList()) {
                packs.put(d.getFileName().toString(), JSON.readTree(d.resolve("lesson.json").toFile()));
            }
        }
        criteriaBySet = new HashMap<>();
        provinceBySet = new HashMap<>();
        try (Stream<Path> sets = Files.list(ShippedPacks.dir().resolveSibling("criteria"))) {
            for (Path f : sets.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode set = JSON.readTree(f.toFile());
                Set<String> ids = new HashSet<>();
                set.path("criteria").forEach(c -> ids.add(c.path("id").asText()));
                criteriaBySet.put(f.getFileName().toString(), ids);
                provinceBySet.put(f.getFileName().toString(), set.path("province").asText());
            }
        }
        assertTrue(packs.size() >= 19, "shipped packs: " + packs.keySet());
        assertFalse(criteriaBySet.isEmpty());
    }

    @Test
    void everyTypedAnswerCanBeTypedOnTheKeyboardItsStepShows() {
        List<String> wrong = new ArrayList<>();
        packs.forEach((id, pack) -> pack.path("steps").forEach(step -> {
            if (!"type".equals(step.path("kind").asText())) {
                return;
            }
            String answer = Normalizer.normalize(step.path("answer").asText(), Normalizer.Form.NFD);
            boolean digits = "digits".equals(step.path("keys").asText());
            Pattern keys = digits ? DIGIT_KEYS : LETTER_KEYS;
            if (!keys.matcher(answer).matches()) {
                wrong.add(id + "/" + step.path("id").asText() + ": \"" + step.path("answer").asText() + "\" on the "
                        + (digits ? "number pad" : "letter keyboard"));
            }
        }));
        assertTrue(wrong.isEmpty(), "answers the keyboard cannot type: " + wrong);
    }

    /**
     * The keyboard types Telex, VNI or tone keys as the resident chose, and shows the keys itself:
     * a typing step that says "chạm dấu sắc" or "giữ lâu chữ e" teaches one method (and one the
     * kiosk's keyboard may not be in).
     */
    @Test
    void typingStepsDoNotTeachOneTypingMethod() {
        Pattern oneMethod = Pattern.compile("chạm dấu (sắc|huyền|hỏi|ngã|nặng)|giữ lâu|dấu \\S+ sau chữ",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<String> found = new ArrayList<>();
        packs.forEach((id, pack) -> pack.path("steps").forEach(step -> {
            if ("type".equals(step.path("kind").asText())) {
                for (String field : List.of("say", "hint")) {
                    String vi = step.path(field).path("vi").asText();
                    if (oneMethod.matcher(vi).find()) {
                        found.add(id + "/" + step.path("id").asText() + " " + field + ": " + vi);
                    }
                }
            }
        }));
        assertTrue(found.isEmpty(), "say what to type, not which keys: " + found);
    }

    /** A title heads every step beside "Bước 3/7": a short name of the task, not a paragraph. */
    @Test
    void everyTitleIsAShortNameInEveryLanguage() {
        List<String> long_ = new ArrayList<>();
        packs.forEach((id, pack) -> pack.path("title").fields().forEachRemaining(t -> {
            if (t.getValue().asText().length() > 60 || t.getValue().asText().contains(". ")) {
                long_.add(id + " " + t.getKey() + ": " + t.getValue().asText());
            }
        }));
        assertTrue(long_.isEmpty(), "titles that are not a short name: " + long_);
    }

    @Test
    void dossierCodesHaveLettersDotsAndDashesAndAreTypedOnTheLetterKeyboard() {
        JsonNode step = step("dvc-lookup", "type-code");
        String code = step.path("answer").asText();
        assertTrue(code.matches(".*[A-Za-z].*") && code.contains(".") && code.contains("-"), code);
        assertFalse(step.has("keys"), "a dossier code needs the letter keyboard, not the number pad");
        // The filing parent and the baby are two people: not one name for both.
        String parent = packs.get("dvc-submit").path("screens").path("form").path("elements").findValues("items").get(0)
                .get(0).path("detail").path("vi").asText();
        String baby = step("dvc-submit", "child-name").path("answer").asText();
        assertFalse(parent.isBlank() || baby.isBlank());
        assertFalse(lastWord(parent).equalsIgnoreCase(lastWord(baby)), parent + " / " + baby);
    }

    @Test
    void noKioskOrLessonTextAddressesTheResidentAsBan() throws IOException {
        List<String> found = new ArrayList<>();
        for (String bundle : List.of("/vn/giadinhso/kiosk/ui/messages_vi.properties",
                "/vn/giadinhso/kiosk/ui/lesson/lesson_vi.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream(bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            p.forEach((k, v) -> {
                if (BAN.matcher(v.toString()).find()) {
                    found.add(bundle + " " + k + "=" + v);
                }
            });
        }
        Set<String> excused = new HashSet<>();
        packs.forEach((id, pack) -> pack.findValues("vi").forEach(v -> {
            String text = v.asText();
            if (BAN.matcher(text).find()) {
                if (BAN_EXCEPTIONS.containsKey(id + ": " + text)) {
                    excused.add(id + ": " + text);
                } else {
                    found.add(id + ": " + text);
                }
            }
        }));
        assertTrue(found.isEmpty(), "say ông/bà or a neutral form instead of bạn: " + found);
        assertEquals(BAN_EXCEPTIONS.keySet(), excused, "an exception no longer needed should be removed");
    }

    @Test
    void electricityCustomerCodesStartWithTheDemoProvincesPrefix() {
        Set<String> provinces = new HashSet<>();
        criteriaBySet.forEach((set, ids) -> {
            if (ids.contains("pay-electricity-online")) {
                provinces.add(provinceBySet.get(set));
            }
        });
        assertFalse(provinces.isEmpty());
        List<String> allowed = new ArrayList<>();
        provinces.forEach(p -> allowed.addAll(ELECTRICITY_PREFIXES.getOrDefault(p, List.of())));
        assertFalse(allowed.isEmpty(), "no known customer-code prefix for " + provinces);
        int codes = 0;
        for (var e : packs.entrySet()) {
            if (!contains(e.getValue().path("criteria"), "pay-electricity-online")) {
                continue;
            }
            for (JsonNode s : e.getValue().path("steps")) {
                if ("customer-code".equals(s.path("target").asText())) {
                    codes++;
                    String code = s.path("answer").asText();
                    assertTrue(allowed.stream().anyMatch(code::startsWith), e.getKey() + ": " + code + " not one of " + allowed);
                }
            }
            // What the phone shows (examples, filled-in fields) uses the same prefix, not another region's.
            for (JsonNode v : e.getValue().path("screens").findValues("value")) {
                if (v.asText().matches("P[A-E]\\d\\d.*")) {
                    assertTrue(allowed.stream().anyMatch(v.asText()::startsWith), e.getKey() + " shows " + v.asText());
                }
            }
        }
        assertTrue(codes > 0, "an electricity lesson types a customer code");
    }

    @Test
    void everyPackCountsTowardCriteriaOfTheShippedSetsThatFitIt() {
        Set<String> known = new HashSet<>();
        criteriaBySet.values().forEach(known::addAll);
        packs.forEach((id, pack) -> pack.path("criteria").forEach(c ->
                assertTrue(known.contains(c.asText()), id + " links unknown criterion " + c.asText())));
        // Taking payment is the business criterion; paying as a customer is e-payment.
        assertTrue(contains(packs.get("accept-qr").path("criteria"), "cashless-payment"));
        assertFalse(contains(packs.get("pay-qr").path("criteria"), "cashless-payment"));
        assertTrue(contains(packs.get("pay-qr").path("criteria"), "e-payment"));
        for (String c : List.of("bank-account", "community-team-zalo", "province-citizen-app", "read-documents-online",
                "cashless-payment", "google-youtube-maps")) {
            assertTrue(packs.values().stream().anyMatch(p -> contains(p.path("criteria"), c)), "a lesson for " + c);
        }
    }

    @Test
    void newPacksHaveSixToTenStepsAndVneidRegistersAtThePoliceBeforeActivating() {
        for (String id : List.of("accept-qr", "land-tax", "province-app", "zalo-group", "bank-account", "web-search")) {
            int steps = packs.get(id).path("steps").size();
            assertTrue(steps >= 6 && steps <= 10, id + " has " + steps + " steps");
        }
        List<String> order = new ArrayList<>();
        packs.get("vneid-activate").path("steps").forEach(s -> order.add(s.path("id").asText()));
        assertTrue(order.indexOf("register") >= 0 && order.indexOf("register") < order.indexOf("open-store"), order.toString());
        assertTrue(order.indexOf("password") >= 0 && order.indexOf("password") < order.indexOf("passcode"), order.toString());
        assertFalse(step("vneid-activate", "password").has("keys"), "a password is typed on the letter keyboard");
    }

    private static JsonNode step(String pack, String stepId) {
        for (JsonNode s : packs.get(pack).path("steps")) {
            if (stepId.equals(s.path("id").asText())) {
                return s;
            }
        }
        throw new AssertionError(pack + " has no step " + stepId);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static String lastWord(String name) {
        String[] words = name.trim().split("\\s+");
        return words[words.length - 1];
    }
}
