package vn.giadinhso.kiosk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.giadinhso.protocol.HouseholdQr;

class HubKeyRingTest {
    final KeyPair first = TestCards.newHubKeys();
    final KeyPair second = TestCards.newHubKeys();

    String list() {
        return "[{\"keyId\":\"1\",\"publicKey\":\"" + HubPublicKey.toText(first.getPublic())
                + "\",\"validUntil\":\"2027-06-30\"},{\"keyId\":\"2\",\"publicKey\":\""
                + HubPublicKey.toText(second.getPublic()) + "\",\"validUntil\":null}]";
    }

    @Test
    void aKioskEnrolledBeforeKeyIdsHasOnlyHubPublicKeyWhichIsKeyOne() {
        List<HouseholdQr.HubKey> keys = HubKeyRing.parse(null, HubPublicKey.toText(first.getPublic()));
        assertEquals(1, keys.size());
        assertEquals("1", keys.get(0).keyId());
        assertEquals(first.getPublic(), keys.get(0).publicKey());
        assertNull(keys.get(0).validUntil());
    }

    @Test
    void theListWinsOverTheSingleKeyAndCarriesTheDates() {
        List<HouseholdQr.HubKey> keys = HubKeyRing.parse(list(), HubPublicKey.toText(first.getPublic()));
        assertEquals(List.of("1", "2"), keys.stream().map(HouseholdQr.HubKey::keyId).toList());
        assertEquals(LocalDate.of(2027, 6, 30), keys.get(0).validUntil());
        assertEquals(second.getPublic(), keys.get(1).publicKey());
        assertThrows(IllegalArgumentException.class, () -> HubKeyRing.parse("[{\"keyId\":\"x\",\"publicKey\":\"\"}]", null));
    }

    @Test
    void theLastSyncedListReplacesEnrolmentsKeys() {
        AtomicReference<String> stored = new AtomicReference<>();
        HubKeyRing ring = new HubKeyRing(() -> Optional.ofNullable(stored.get()),
                HubKeyRing.parse(null, HubPublicKey.toText(first.getPublic())));
        assertEquals(1, ring.get().size());
        stored.set(list());
        assertEquals(2, ring.get().size());
        assertEquals(ring.get(), ring.get(), "parsed once per change");
    }
}
