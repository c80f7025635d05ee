package vn.giadinhso.kiosk.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code staff-pin.json} in the kiosk's data dir: the staff PIN as a salted Argon2id hash (never
 * the PIN; see {@link PinHash}), and the wrong-PIN count and lockout, so pulling the plug does not reset the lockout.
 * Owner-only, written atomically.
 */
public final class StaffPinFile {

    /** What is on disk. {@code hash} is null until a PIN is chosen; {@code lockedUntil} may be null. */
    public record State(String hash, int wrongInARow, Instant lockedUntil) {
        static final State NONE = new State(null, 0, null);
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public StaffPinFile(Path dataDir) {
        this.file = dataDir.resolve("staff-pin.json");
    }

    public Path path() {
        return file;
    }

    public State read() {
        if (!Files.isRegularFile(file)) {
            return State.NONE;
        }
        try {
            JsonNode n = json.readTree(file.toFile());
            return new State(n.path("hash").isTextual() ? n.get("hash").asText() : null, n.path("wrongInARow").asInt(0),
                    n.path("lockedUntil").isTextual() ? Instant.parse(n.get("lockedUntil").asText()) : null);
        } catch (IOException | RuntimeException e) {
            // A damaged file must not open staff mode: keep it closed until a PIN is set again.
            return new State("unreadable", 0, null);
        }
    }

    public void write(State state) {
        ObjectNode n = json.createObjectNode();
        n.put("hash", state.hash());
        n.put("wrongInARow", state.wrongInARow());
        n.put("lockedUntil", Optional.ofNullable(state.lockedUntil()).map(Instant::toString).orElse(null));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, n.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
