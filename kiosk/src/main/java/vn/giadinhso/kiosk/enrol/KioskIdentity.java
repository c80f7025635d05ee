package vn.giadinhso.kiosk.enrol;

import java.net.URI;
import java.util.Objects;

/**
 * What enrolment gave this kiosk. {@code token} and {@code memberHashKey} are secrets: the
 * record's {@code toString} leaves them out so a stray log line cannot leak them.
 * {@code hubPublicKeys} is the hub's key list as JSON ({@code [{keyId, publicKey, validUntil}]}),
 * null from a hub of before key ids, which sends only {@code hubPublicKey}.
 */
public record KioskIdentity(
        String kioskId,
        URI hub,
        String token,
        String hubPublicKey,
        String memberHashKey,
        String supportPointId,
        String communeId,
        String hubPublicKeys) {

    public KioskIdentity {
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(hub, "hub");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hubPublicKey, "hubPublicKey");
        Objects.requireNonNull(memberHashKey, "memberHashKey");
        Objects.requireNonNull(supportPointId, "supportPointId");
        Objects.requireNonNull(communeId, "communeId");
    }

    @Override
    public String toString() {
        return "KioskIdentity[kioskId=" + kioskId + ", hub=" + hub + ", supportPointId=" + supportPointId
                + ", communeId=" + communeId + ", secrets redacted]";
    }
}
