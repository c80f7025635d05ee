package vn.giadinhso.kiosk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.giadinhso.protocol.HouseholdQr;

/**
 * The hub's household-QR keys this kiosk verifies with: the {@code hubPublicKeys} list of the last
 * sync, else the one from enrolment. A hub of before key ids sends only {@code hubPublicKey}: that
 * key is key 1, the key of every {@code GDS1} card.
 */
public final class HubKeyRing implements Supplier<List<HouseholdQr.HubKey>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Optional<String>> synced;
    private final List<HouseholdQr.HubKey> enrolled;
    private volatile String lastText;
    private volatile List<HouseholdQr.HubKey> lastKeys;

    /**
     * @param synced   the {@code hubPublicKeys} JSON array as the last sync stored it, if any
     * @param enrolled the keys enrolment gave (see {@link #parse})
     */
    public HubKeyRing(Supplier<Optional<String>> synced, List<HouseholdQr.HubKey> enrolled) {
        this.synced = synced;
        this.enrolled = List.copyOf(enrolled);
    }

    @Override
    public List<HouseholdQr.HubKey> get() {
        String text = synced.get().orElse(null);
        if (text == null) {
            return enrolled;
        }
        if (!text.equals(lastText)) {
            // Parsed once per change, not per scan.
            lastKeys = parse(text, null);
            lastText = text;
        }
        return lastKeys.isEmpty() ? enrolled : lastKeys;
    }

    /**
     * The keys in a {@code hubPublicKeys} JSON array ({@code [{keyId, publicKey, validUntil}]});
     * when it is null or empty, {@code hubPublicKey} as key 1 (if given).
     *
     * @throws IllegalArgumentException for a list entry that is not a key
     */
    public static List<HouseholdQr.HubKey> parse(String hubPublicKeysJson, String hubPublicKey) {
        List<HouseholdQr.HubKey> keys = new ArrayList<>();
        if (hubPublicKeysJson != null && !hubPublicKeysJson.isBlank()) {
            JsonNode array;
            try {
                array = JSON.readTree(hubPublicKeysJson);
            } catch (IOException e) {
                throw new IllegalArgumentException("hubPublicKeys is not JSON: " + e.getMessage(), e);
            }
            for (JsonNode k : array) {
                String id = k.path("keyId").asText("");
                if (!HouseholdQr.KEY_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("hubPublicKeys: key id \"" + id + "\" is not a number 1–9999");
                }
                JsonNode until = k.get("validUntil");
                keys.add(new HouseholdQr.HubKey(id, HubPublicKey.fromText(k.path("publicKey").asText()),
                        until == null || until.isNull() ? null : LocalDate.parse(until.asText())));
            }
        }
        if (keys.isEmpty() && hubPublicKey != null && !hubPublicKey.isBlank()) {
            keys.add(new HouseholdQr.HubKey(HouseholdQr.FIRST_KEY_ID, HubPublicKey.fromText(hubPublicKey), null));
        }
        return List.copyOf(keys);
    }
}
