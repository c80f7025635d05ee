package vn.giadinhso.kiosk.enrol;

import java.net.URI;
import java.util.Objects;

/**
 * What enrolment gave this kiosk. {@code token} and {@code memberKeys} (the commune's
 * member-hashing key chain, JSON {@code [{version, key}]}) are secrets: the record's
 * {@code toString} leaves them out so a stray log line cannot leak them. {@code hubSealingKey} is
 * the hub's public X25519 key member hashes are sealed to; empty for a data dir enrolled before
 * sealing, until its next sync. {@code hubPublicKeys} is the hub's QR key list as JSON
 * ({@code [{keyId, publicKey, validUntil}]}), null from a hub of before key ids, which sends only
 * {@code hubPublicKey}.
 */
public record KioskIdentity(
        String kioskId,
        URI hub,
        String token,
        String hubPublicKey,
        String memberKeys,
        String hubSealingKey,
        String supportPointId,
        String communeId,
        String hubPublicKeys) {

    public KioskIdentity {
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hubPublicKey, "hubPublicKey");
        Objects.requireNonNull(memberKeys, "memberKeys");
        Objects.requireNonNull(hubSealingKey, "hubSealingKey");
        Objects.requireNonNull(supportPointId, "supportPointId");
        Objects.requireNonNull(communeId, "communeId");
    }

    @Override
    public String toString() {
        return "KioskIdentity[kioskId=" + kioskId + ", hub=" + hub + ", supportPointId=" + supportPointId
                + ", communeId=" + communeId + ", secrets redacted]";
    }
}
