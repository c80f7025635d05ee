package vn.giadinhso.kiosk.enrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import vn.giadinhso.kiosk.identity.MemberKeyring;

/**
 * The kiosk's data directory: {@code kiosk.json} (who this kiosk is, not secret), {@code token}
 * and {@code member-keys} (secret, owner-only; the commune's member-hashing key chain), and
 * {@code kiosk.db} (local SQLite, which holds only 14-bit member tags, docs/member-ids.md).
 */
public final class KioskDataDir {

    private static final String INFO = "kiosk.json";
    private static final String TOKEN = "token";
    private static final String MEMBER_KEYS = "member-keys";
    // Data dirs enrolled before key chains: one version-1 key in base64.
    private static final String OLD_MEMBER_KEY = "member-hash-key";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    public KioskDataDir(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** Default: {@code ~/.giadinhso/kiosk}, so a kiosk needs no options once enrolled. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".giadinhso", "kiosk");
    }

    public Path path() {
        return dir;
    }

    public Path database() {
        return dir.resolve("kiosk.db");
    }

    /** Language packs: fetched from the hub after a sync, or installed with the kiosk before enrolment. */
    public Path languages() {
        return dir.resolve("languages");
    }

    public Path lockFile() {
        return dir.resolve("kiosk.lock");
    }

    public boolean enrolled() {
        return Files.isRegularFile(dir.resolve(INFO)) && Files.isRegularFile(dir.resolve(TOKEN));
    }

    public Optional<KioskIdentity> read() throws IOException {
        if (!enrolled()) {
            return Optional.empty();
        }
        JsonNode info = json.readTree(dir.resolve(INFO).toFile());
        return Optional.of(new KioskIdentity(
                info.path("kioskId").asText(),
                URI.create(info.path("hub").asText()),
                Files.readString(dir.resolve(TOKEN), StandardCharsets.US_ASCII).strip(),
                info.path("hubPublicKey").asText(),
                memberKeys(),
                info.path("hubSealingKey").asText(""),
                info.path("supportPointId").asText(),
                info.path("communeId").asText(),
                info.hasNonNull("hubPublicKeys") ? info.get("hubPublicKeys").toString() : null));
    }

    public KioskIdentity require() throws IOException {
        return read().orElseThrow(() -> new IOException("this kiosk is not enrolled yet (no " + dir.resolve(INFO)
                + "); run: enrol --data " + dir + " --hub URL --code CODE"));
    }

    /** Writes every file atomically; the secrets are owner-only before they hold a byte. */
    public void write(KioskIdentity id) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        writeSecret(TOKEN, id.token());
        writeSecret(MEMBER_KEYS, id.memberKeys());
        Files.deleteIfExists(dir.resolve(OLD_MEMBER_KEY));
        ObjectNode info = json.createObjectNode();
        info.put("kioskId", id.kioskId());
        info.put("hub", id.hub().toString());
        info.put("hubPublicKey", id.hubPublicKey());
        info.put("hubSealingKey", id.hubSealingKey());
        info.put("supportPointId", id.supportPointId());
        info.put("communeId", id.communeId());
        if (id.hubPublicKeys() != null) {
            info.set("hubPublicKeys", json.readTree(id.hubPublicKeys()));
        }
        // Written last: a kiosk counts as enrolled only once its secrets are in place.
        atomicWrite(INFO, json.writerWithDefaultPrettyPrinter().writeValueAsString(info), false);
    }

    /** A newer key chain or sealing key from a sync: the same identity with them replaced. */
    public KioskIdentity updateKeys(String memberKeys, String hubSealingKey) throws IOException {
        KioskIdentity old = require();
        KioskIdentity updated = new KioskIdentity(old.kioskId(), old.hub(), old.token(), old.hubPublicKey(), memberKeys,
                hubSealingKey, old.supportPointId(), old.communeId(), old.hubPublicKeys());
        write(updated);
        return updated;
    }

    private String memberKeys() throws IOException {
        Path chain = dir.resolve(MEMBER_KEYS);
        if (Files.isRegularFile(chain)) {
            return Files.readString(chain, StandardCharsets.UTF_8).strip();
        }
        return MemberKeyring.singleKey(Files.readString(dir.resolve(OLD_MEMBER_KEY), StandardCharsets.US_ASCII));
    }

    private void writeSecret(String name, String value) throws IOException {
        atomicWrite(name, value + "\n", true);
    }

    private void atomicWrite(String name, String content, boolean secret) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (secret) {
            ownerOnly(tmp, "rw-------");
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void ownerOnly(Path path, String perms) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
        }
    }
}
