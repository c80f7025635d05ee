package vn.giadinhso.kiosk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import vn.giadinhso.kiosk.identity.HubPublicKey;

/** Loads the optional {@code --hub-key} file shared by the commands. */
final class HubKeyOption {

    private HubKeyOption() {
    }

    static Optional<PublicKey> load(Path file) throws IOException {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HubPublicKey.fromFile(file));
        } catch (IllegalArgumentException e) {
            throw new IOException("--hub-key " + file + ": " + e.getMessage(), e);
        }
    }
}
