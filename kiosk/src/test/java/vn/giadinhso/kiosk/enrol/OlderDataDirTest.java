package vn.giadinhso.kiosk.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.identity.MemberKeyring;

/** A data dir enrolled before key chains (one member-hash-key file) keeps working and is upgraded. */
class OlderDataDirTest {
    private static final String KEY = "nJecqdDUN+1Dm5eEb2ELHdpO+oV00YqvYjuLPVu17QQ=";

    @TempDir
    Path dir;

    @Test
    void theSingleOldKeyIsReadAsVersionOneAndReplacedByTheChainOnTheNextKeyChange() throws Exception {
        KioskDataDir data = new KioskDataDir(dir);
        data.write(new KioskIdentity("k-1", URI.create("https://hub.example"), "token", "pub",
                MemberKeyring.singleKey(KEY), "", "point", "commune", null));
        // What an older kiosk left: the key alone, in member-hash-key, and no sealing key.
        Files.delete(dir.resolve("member-keys"));
        Files.writeString(dir.resolve("member-hash-key"), KEY + "\n");

        KioskIdentity old = data.require();
        MemberKeyring keys = new MemberKeyring(old.memberKeys(), old.hubSealingKey());
        assertEquals(1, keys.currentVersion());
        assertEquals(KEY, Base64.getEncoder().encodeToString(MemberKeyring.parse(old.memberKeys()).key(1)));
        assertTrue(keys.sealingKey().isEmpty(), "nothing to seal with until the next sync");
        assertEquals(null, keys.card("052190012345", "Nguyễn Văn An").sealed(), "so no member field leaves the kiosk");

        String chain = "[{\"version\":1,\"key\":\"" + KEY + "\"},{\"version\":2,\"key\":\"" + KEY + "\"}]";
        data.updateKeys(chain, "");
        assertFalse(Files.exists(dir.resolve("member-hash-key")));
        assertEquals(2, MemberKeyring.parse(data.require().memberKeys()).currentVersion());
    }
}
