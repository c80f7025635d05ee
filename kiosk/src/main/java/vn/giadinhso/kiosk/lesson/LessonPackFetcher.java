package vn.giadinhso.kiosk.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Brings the packs the hub lists onto the kiosk: downloads each version not yet installed,
 * checks its size and SHA-256, unpacks and validates it aside, then moves it into place in one
 * rename. Anything wrong leaves the installed packs exactly as they were, so a kiosk keeps
 * teaching with what it has while the network or the hub misbehaves. Language packs arrive the
 * same way, with their own marker file and check (see {@code language.LanguagePacks}).
 */
public final class LessonPackFetcher {

    /** Fetches one pack zip to a file. */
    public interface Source {
        void download(String id, int version, Path to) throws IOException, InterruptedException;
    }

    /** The check a pack passes before it is installed: its problems, empty when it is good. */
    public interface Check {
        List<String> problems(Path packDir, PackListing listed);
    }

    /** The most a listed pack may weigh; the hub refuses bigger ones too. */
    public static final long MAX_ZIP_BYTES = 64L * 1024 * 1024;

    /** How many versions of a lesson stay on disk: the newest, and the one a resident may still be playing. */
    static final int KEEP_VERSIONS = 2;

    private final Path installRoot;
    private final Source source;
    private final Consumer<String> log;
    private final String markerFile;
    private final String kind;
    private final Check check;

    public LessonPackFetcher(Path installRoot, Source source, Consumer<String> log) {
        this(installRoot, source, log, "lesson pack", LessonPackReader.LESSON_FILE, (dir, listed) ->
                new LessonValidator().validate(dir).stream().map(String::valueOf).toList());
    }

    /**
     * @param kind       how the log names a pack ("language pack")
     * @param markerFile the file at a pack's root that says "this is the pack" ("pack.json")
     */
    public LessonPackFetcher(Path installRoot, Source source, Consumer<String> log, String kind, String markerFile,
            Check check) {
        this.installRoot = installRoot;
        this.source = source;
        this.log = log;
        this.kind = kind;
        this.markerFile = markerFile;
        this.check = check;
    }

    public Path installRoot() {
        return installRoot;
    }

    public static boolean installed(Path installRoot, PackListing p) {
        return installed(installRoot, p, LessonPackReader.LESSON_FILE);
    }

    private static boolean installed(Path installRoot, PackListing p, String markerFile) {
        return Files.isRegularFile(installRoot.resolve(p.id()).resolve(Integer.toString(p.version()))
                .resolve(markerFile));
    }

    /** Installs what is missing; returns the ids installed now. Failures are logged and retried next sync. */
    public List<String> fetch(List<PackListing> listed) throws InterruptedException {
        List<String> installedNow = new ArrayList<>();
        for (PackListing p : listed) {
            if (installed(installRoot, p, markerFile)) {
                continue;
            }
            try {
                install(p);
                installedNow.add(p.id());
                log.accept(kind + " " + p.id() + " v" + p.version() + " installed");
            } catch (IOException e) {
                log.accept(kind + " " + p.id() + " v" + p.version() + " not installed: " + e.getMessage());
            }
        }
        return installedNow;
    }

    void install(PackListing p) throws IOException, InterruptedException {
        if (p.size() > MAX_ZIP_BYTES) {
            throw new IOException("listed at " + p.size() + " bytes, more than a pack may weigh (" + MAX_ZIP_BYTES + ")");
        }
        Files.createDirectories(installRoot);
        Path zip = installRoot.resolve(".download-" + p.id() + "-" + p.version() + ".zip");
        // Named after the id, as the validator expects a pack folder to be.
        Path staging = installRoot.resolve(".staging").resolve(p.id());
        try {
            deleteTree(staging);
            source.download(p.id(), p.version(), zip);
            long size = Files.size(zip);
            if (size != p.size()) {
                throw new IOException("size " + size + " bytes, the hub listed " + p.size());
            }
            String sha = sha256(zip);
            if (!sha.equals(p.sha256())) {
                throw new IOException("SHA-256 " + sha + " does not match the hub's " + p.sha256());
            }
            try (InputStream in = Files.newInputStream(zip)) {
                LessonPackReader.unzip(in, staging);
            }
            // The zip may hold the pack at its root or inside one folder; accept both.
            Path packDir = Files.isRegularFile(staging.resolve(markerFile)) ? staging : oneFolderDown(staging);
            List<String> problems = check.problems(packDir, p);
            if (!problems.isEmpty()) {
                throw new IOException("pack is not valid: " + problems.get(0) + (problems.size() > 1
                        ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            Path target = installRoot.resolve(p.id()).resolve(Integer.toString(p.version()));
            Files.createDirectories(target.getParent());
            deleteTree(target);
            try {
                Files.move(packDir, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(packDir, target);
            }
            prune(p.id());
        } finally {
            Files.deleteIfExists(zip);
            deleteTree(staging);
        }
    }

    private Path oneFolderDown(Path staging) throws IOException {
        try (Stream<Path> children = Files.list(staging)) {
            return children.filter(c -> Files.isRegularFile(c.resolve(markerFile))).sorted().findFirst().orElse(staging);
        }
    }

    private void prune(String id) throws IOException {
        try (Stream<Path> versions = Files.list(installRoot.resolve(id))) {
            List<Path> old = versions.filter(v -> v.getFileName().toString().matches("[0-9]+"))
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(b.getFileName().toString()),
                            Integer.parseInt(a.getFileName().toString())))
                    .skip(KEEP_VERSIONS).toList();
            for (Path v : old) {
                deleteTree(v);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
