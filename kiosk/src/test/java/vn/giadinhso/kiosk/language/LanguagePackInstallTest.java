package vn.giadinhso.kiosk.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language pack arriving from the hub: checked (size, SHA-256, zip-slip, its content) and only
 * then installed; a bad one is refused with a reason and the language already installed stays.
 */
class LanguagePackInstallTest {

    @TempDir
    Path tmp;
    final List<String> log = new ArrayList<>();
    final Map<String, byte[]> served = new LinkedHashMap<>();
    final ObjectMapper json = new ObjectMapper();

    LanguagePacks packs() {
        return LanguagePacks.downloaded(tmp.resolve("languages"), (code, version, to) -> Files.write(to,
                served.get(code + "/" + version)), log::add);
    }

    @Test
    void aGoodPackIsInstalledAndABadNewerOneIsRefusedKeepingTheOld() throws Exception {
        LanguagePacks packs = packs();
        byte[] good = zip(folder(LanguagePacksTest.testLanguages().resolve("x-test")));
        served.put("x-test/1", good);
        assertTrue(packs.afterSync(listing("x-test", 1, good)));
        assertEquals("XT scan-card XT", packs.language("x-test").message("welcome.title"));
        assertFalse(packs.afterSync(listing("x-test", 1, good)), "an installed version is not fetched again");

        // Version 2 has a typo'd key: refused whole, with the file and the reason; version 1 stays.
        Map<String, byte[]> bad = folder(LanguagePacksTest.testLanguages().resolve("x-test"));
        bad.put("pack.json", new String(bad.get("pack.json"), StandardCharsets.UTF_8).replace("\"version\": 1", "\"version\": 2")
                        .getBytes(StandardCharsets.UTF_8));
        bad.put("kiosk.properties", "welcome.titel=XT typo XT\n".getBytes(StandardCharsets.UTF_8));
        served.put("x-test/2", zip(bad));
        assertFalse(packs.afterSync(listing("x-test", 2, served.get("x-test/2"))));
        assertTrue(log.get(log.size() - 1).contains("unknown key \"welcome.titel\""), log.toString());
        assertEquals(1, packs.language("x-test").pack().orElseThrow().version());
        assertEquals("XT scan-card XT", packs.language("x-test").message("welcome.title"));

        // A zip reaching outside its folder, or a tampered download: refused, nothing written outside.
        Map<String, byte[]> slip = new LinkedHashMap<>(folder(LanguagePacksTest.testLanguages().resolve("x-test")));
        slip.put("../../escaped.txt", new byte[] {1});
        served.put("x-test/3", zip(slip));
        assertFalse(packs.afterSync(listing("x-test", 3, served.get("x-test/3"))));
        assertTrue(log.get(log.size() - 1).contains("outside"), log.toString());
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        byte[] tampered = good.clone();
        tampered[tampered.length / 2] ^= 1;
        served.put("x-test/4", tampered);
        assertFalse(packs.afterSync(listing("x-test", 4, good)));
        assertTrue(log.get(log.size() - 1).contains("does not match"), log.toString());

        // A pack whose code is not what the hub listed is not installed under another language's name.
        served.put("y-test/1", good);
        assertFalse(packs.afterSync(listing("y-test", 1, good)));
        assertTrue(log.get(log.size() - 1).contains("the hub listed \"y-test\""), log.toString());
        assertEquals(List.of("vi", "en", "x-test"), packs().available().stream().map(Language::code).toList(),
                "after a restart, too");
    }

    @Test
    void theReaderNamesEveryProblemWithItsFile() throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir.resolve("audio/hotline-1022"));
        Files.writeString(dir.resolve("pack.json"), "{\"code\":\"vi\",\"version\":0,\"name\":\"\",\"voice\":\"-x\"}");
        Files.writeString(dir.resolve("kiosk.properties"), "welcome.title=Bad {0\n");
        Files.write(dir.resolve("audio/hotline-1022/intro.xx.mp3"), new byte[] {1});
        LanguagePackReader reader = new LanguagePackReader(BuiltInTexts.load().messageKeys(), BuiltInTexts.load().playerKeys());
        String all = String.join("\n", reader.validate(dir));
        for (String expected : List.of("vi and en are built into the kiosk", "version must be", "name (the language",
                "is not an espeak-ng voice", "placeholder is malformed", "audio/hotline-1022/intro.xx.mp3: expected")) {
            assertTrue(all.contains(expected), expected + " in:\n" + all);
        }
    }

    private ArrayNode listing(String code, int version, byte[] zip) throws Exception {
        ArrayNode list = json.createArrayNode();
        list.addObject().put("code", code).put("version", version)
                .put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)))
                .put("size", zip.length);
        return list;
    }

    private static Map<String, byte[]> folder(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
