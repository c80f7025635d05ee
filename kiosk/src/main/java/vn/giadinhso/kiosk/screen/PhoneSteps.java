package vn.giadinhso.kiosk.screen;

import java.util.Map;
import java.util.Optional;

/**
 * Criteria that are done on the resident's own phone, with the address the kiosk shows as a QR
 * code. Public national services only; a commune's Zalo links would come from its criteria set.
 */
public final class PhoneSteps {

    private final Map<String, String> links;

    public PhoneSteps(Map<String, String> links) {
        this.links = Map.copyOf(links);
    }

    public static PhoneSteps national() {
        return new PhoneSteps(Map.of(
                "vneid-level2", "https://vneid.gov.vn/",
                "lookup-dossier-result", "https://dichvucong.gov.vn/",
                "online-public-service", "https://dichvucong.gov.vn/",
                "cashless-payment", "https://dichvucong.gov.vn/"));
    }

    public Optional<String> link(String criterionId) {
        return Optional.ofNullable(links.get(criterionId));
    }
}
