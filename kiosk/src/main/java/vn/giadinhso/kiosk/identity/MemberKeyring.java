package vn.giadinhso.kiosk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberKeyChain;
import vn.giadinhso.protocol.MemberNames;
import vn.giadinhso.protocol.MemberSeal;

/**
 * The commune's member-hashing key chain and the hub's sealing key, as enrolment and the latest
 * sync gave them (docs/member-ids.md). A scanned card becomes a {@link Card}: its tag under every
 * key version (to match the roster), its folded masked name, and its hash sealed to the hub (for
 * events). The plain hash lives only inside {@link #card} and is never stored.
 */
public final class MemberKeyring {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A card as the kiosk may keep it: {@code tags[v-1]} is the tag under key version v;
     * {@code sealed} is null when the kiosk has no sealing key yet (an older data dir before its
     * first sync), and then no member field leaves the kiosk at all.
     */
    public record Card(int[] tags, String nameKey, String sealed) {

        /**
         * Attendance's "one person once per session": tag and folded masked name, never the hash.
         * The version-1 tag, because version 1's key never changes: a rotation mid-session must
         * not make a person count twice.
         */
        public String personKey() {
            return "m:" + tags[0] + ":" + nameKey;
        }
    }

    private volatile MemberKeyChain chain;
    private volatile PublicKey sealingKey;
    private volatile String memberKeysJson;
    private volatile String sealingKeyText;

    public MemberKeyring(String memberKeysJson, String hubSealingKey) {
        update(memberKeysJson, hubSealingKey);
    }

    /** Swaps in a newer chain or sealing key (from a sync page). */
    public synchronized void update(String memberKeysJson, String hubSealingKey) {
        MemberKeyChain parsed = parse(memberKeysJson);
        PublicKey sealing = hubSealingKey == null || hubSealingKey.isBlank() ? null : MemberSeal.publicKey(hubSealingKey);
        this.chain = parsed;
        this.sealingKey = sealing;
        this.memberKeysJson = memberKeysJson;
        this.sealingKeyText = hubSealingKey == null ? "" : hubSealingKey;
    }

    /** Whether a sync page's keys differ from these. */
    public boolean differs(String memberKeysJson, String hubSealingKey) {
        return !parse(memberKeysJson).toBase64().equals(chain.toBase64())
                || !(hubSealingKey == null ? "" : hubSealingKey).equals(sealingKeyText);
    }

    public int currentVersion() {
        return chain.currentVersion();
    }

    public Optional<PublicKey> sealingKey() {
        return Optional.ofNullable(sealingKey);
    }

    public String memberKeysJson() {
        return memberKeysJson;
    }

    /** One chain of HMACs, one tag per version, and one sealed box of the newest hash. */
    public Card card(String idNumber, String fullName) {
        MemberKeyChain keys = chain;
        byte[][] hashes = keys.hashes(idNumber);
        int[] tags = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            tags[i] = MemberIdHash.tag(hashes[i]);
        }
        PublicKey hub = sealingKey;
        String sealed = hub == null ? null : MemberSeal.seal(hub, keys.currentVersion(), hashes[hashes.length - 1]);
        return new Card(tags, fullName == null ? "" : MemberNames.cardKey(fullName), sealed);
    }

    /**
     * Runs the hashing, sealing and name folding once on a made-up number, so the first resident's
     * scan does not pay for loading the X25519, AES-GCM and HMAC code (hundreds of ms on a kiosk).
     */
    public void warmUp() {
        for (int i = 0; i < 20; i++) {
            card("000000000000", "Nguyễn Văn An");
        }
    }

    /** {@code [{version, key}]} as the hub sends it → a chain (versions must run 1..n). */
    public static MemberKeyChain parse(String memberKeysJson) {
        try {
            JsonNode array = JSON.readTree(memberKeysJson);
            Map<Integer, String> byVersion = new LinkedHashMap<>();
            for (JsonNode k : array) {
                byVersion.put(k.path("version").asInt(), k.path("key").asText());
            }
            return MemberKeyChain.fromBase64(byVersion);
        } catch (IOException e) {
            throw new UncheckedIOException("memberKeys is not JSON", e);
        }
    }

    /** The JSON text of one version-1 key: data dirs enrolled before key chains kept only that. */
    public static String singleKey(String base64Key) {
        return JSON.createArrayNode().add(JSON.createObjectNode().put("version", 1).put("key", base64Key.strip()))
                .toString();
    }

    @Override
    public String toString() {
        return "MemberKeyring[versions=1.." + chain.currentVersion() + ", keys redacted]";
    }
}
