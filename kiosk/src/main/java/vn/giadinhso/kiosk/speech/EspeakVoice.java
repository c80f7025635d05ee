package vn.giadinhso.kiosk.speech;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Speaks with espeak-ng: each text is rendered once to a WAV file in {@code cacheDir} (named by
 * a hash of voice and text, so nothing personal is in a file name) and then handed to the
 * player. Rendering runs on {@code worker}, never on the UI thread. If espeak-ng fails, the
 * kiosk just stays silent: the same words are on screen.
 */
public final class EspeakVoice implements Voice {

    private final String espeak;
    private final Path cacheDir;
    private final Executor worker;
    private final Consumer<Path> player;
    private final Consumer<List<Path>> recordings;

    public EspeakVoice(String espeak, Path cacheDir, Executor worker, Consumer<Path> player) {
        this(espeak, cacheDir, worker, player, files -> files.stream().findFirst().ifPresent(player));
    }

    /** @param recordings plays a language pack's recorded instructions in order */
    public EspeakVoice(String espeak, Path cacheDir, Executor worker, Consumer<Path> player,
            Consumer<List<Path>> recordings) {
        this.espeak = espeak;
        this.cacheDir = cacheDir;
        this.worker = worker;
        this.player = player;
        this.recordings = recordings;
    }

    /** The espeak-ng executable on the PATH, if installed ({@code apt install espeak-ng}). */
    public static Optional<String> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "espeak-ng");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public void say(String text, String voice) {
        worker.execute(() -> render(text, voice).ifPresent(player));
    }

    @Override
    public void play(List<Path> files) {
        recordings.accept(files);
    }

    /** Renders ahead of time (the fixed instructions at start-up), so the first touch speaks at once. */
    public void prepare(String text, Locale locale) {
        worker.execute(() -> render(text, locale));
    }

    /** The WAV for {@code text}, rendered now if not cached; empty when espeak-ng failed. */
    public Optional<Path> render(String text, Locale locale) {
        return render(text, "vi".equals(locale.getLanguage()) ? "vi" : "en");
    }

    /** The WAV for {@code text} in espeak-ng's {@code voice}, rendered now if not cached; empty when espeak-ng failed. */
    public Optional<Path> render(String text, String voice) {
        Path wav = cacheDir.resolve(hash(voice + "\n" + text) + ".wav");
        if (Files.isRegularFile(wav)) {
            return Optional.of(wav);
        }
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, "render", ".wav");
            // Text as an argument, not through a shell: nothing in it is interpreted.
            Process p = new ProcessBuilder(espeak, "-v", voice, "-s", "140", "-w", tmp.toString(), text)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || Files.size(tmp) < 100) {
                p.destroyForcibly();
                Files.deleteIfExists(tmp);
                return Optional.empty();
            }
            Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(wav);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
