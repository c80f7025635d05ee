package vn.giadinhso.kiosk.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New versions arrive after sync; a bad download never replaces what the kiosk already teaches with. */
class LessonPackFetcherTest {

    @TempDir
    Path tmp;

    static byte[] zip(Path pack) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(pack)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(pack.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void installsAVerifiedPackAndRefusesATamperedOne() throws Exception {
        byte[] good = zip(ShippedPacks.dir().resolve("hotline-1022"));
        Path src = tmp.resolve("good.zip");
        Files.write(src, good);
        String sha = LessonPackFetcher.sha256(src);
        int shipped = ShippedPacks.read("hotline-1022").lesson().version();
        List<String> log = new ArrayList<>();
        byte[][] serve = {good};
        LessonPackFetcher fetcher = new LessonPackFetcher(tmp.resolve("lessons"), (id, v, to) -> Files.write(to, serve[0]),
                log::add);

        assertEquals(List.of("hotline-1022"), fetcher.fetch(List.of(new PackListing("hotline-1022", shipped, sha, good.length))));
        LessonLibrary library = LessonLibrary.load(List.of(tmp.resolve("lessons")));
        assertEquals(shipped, library.version("hotline-1022"));
        assertTrue(fetcher.fetch(List.of(new PackListing("hotline-1022", shipped, sha, good.length))).isEmpty(),
                "an installed version is not downloaded again");

        serve[0] = good.clone();
        serve[0][serve[0].length / 2] ^= 1;
        assertTrue(fetcher.fetch(List.of(new PackListing("hotline-1022", shipped + 1, sha, good.length))).isEmpty());
        assertTrue(log.get(log.size() - 1).contains("does not match"), log.toString());
        assertEquals(shipped, LessonLibrary.load(List.of(tmp.resolve("lessons"))).version("hotline-1022"),
                "the kiosk keeps teaching with the version it has");
        assertTrue(PackListing.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"id\":\"../etc\",\"version\":1,\"sha256\":\"" + sha + "\",\"size\":5}]")).isEmpty(),
                "an id that is not a plain name is ignored");
    }
}
