package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders the Vietnamese narration of every step that has no audio yet with espeak-ng (and lame
 * for MP3, about a tenth of the WAV's size). {@code audio/narration.json} remembers which text
 * each file was made from, so an edited instruction is rendered again and an unchanged one is not.
 * Steps with their own {@code audio} (a human recording) are never touched.
 */
public final class NarrationRenderer {

    public static final String MANIFEST = "audio/narration.json";

    /** What one run did. */
    public record Result(int rendered, int upToDate, int recorded) {
    }

    private final String voice;
    private final int wordsPerMinute;
    private final boolean mp3;
    private final ObjectMapper json = new ObjectMapper();

    public NarrationRenderer(String voice, int wordsPerMinute, boolean mp3) {
        this.voice = voice;
        this.wordsPerMinute = wordsPerMinute;
        this.mp3 = mp3;
    }

    public static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public Result render(LessonPack pack, boolean force) throws IOException, InterruptedException {
        Path audio = pack.dir().resolve("audio");
        Files.createDirectories(audio);
        Path manifestFile = pack.dir().resolve(MANIFEST);
        ObjectNode manifest = Files.isRegularFile(manifestFile) ? (ObjectNode) json.readTree(manifestFile.toFile())
                : json.createObjectNode();
        int rendered = 0;
        int upToDate = 0;
        int recorded = 0;
        List<String> keep = new ArrayList<>();
        for (Step step : pack.lesson().steps()) {
            if (step.audio() != null) {
                recorded++;
                continue;
            }
            String text = step.say().vi();
            String hash = sha256(voice + "|" + wordsPerMinute + "|" + text);
            Path target = audio.resolve(step.id() + ".vi." + (mp3 ? "mp3" : "wav"));
            keep.add(step.id());
            if (!force && Files.isRegularFile(target) && hash.equals(manifest.path(step.id()).asText())) {
                upToDate++;
                continue;
            }
            Path wav = mp3 ? Files.createTempFile("narration", ".wav") : target;
            try {
                run(List.of("espeak-ng", "-v", voice, "-s", Integer.toString(wordsPerMinute), "-w", wav.toString(), text));
                if (mp3) {
                    // Mono, 32 kb/s at 22.05 kHz: plenty for one synthetic voice, ~4 kB per second.
                    run(List.of("lame", "--quiet", "-m", "m", "-b", "32", "--resample", "22.05", wav.toString(),
                            target.toString()));
                }
            } finally {
                if (mp3) {
                    Files.deleteIfExists(wav);
                }
            }
            // The other format would be stale now; the player prefers MP3, so remove it.
            Files.deleteIfExists(audio.resolve(step.id() + ".vi." + (mp3 ? "wav" : "mp3")));
            manifest.put(step.id(), hash);
            rendered++;
        }
        manifest.retain(keep);
        Files.writeString(manifestFile, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n",
                StandardCharsets.UTF_8);
        return new Result(rendered, upToDate, recorded);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " took more than 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed (" + p.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
