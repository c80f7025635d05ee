package vn.giadinhso.kiosk.screen;

import java.util.List;

/** "Tôi cần hỗ trợ": a topic, an optional phone number, sent to commune staff as an event. */
public final class SupportModel {

    public static final List<String> TOPICS = List.of("vneid", "public-services", "payments", "scam", "other");

    /** Sends a support request; {@code phone} and {@code householdCode} may be null. */
    public interface Requests {
        void send(String topic, String phone, String householdCode);
    }

    private final Requests requests;

    public SupportModel(Requests requests) {
        this.requests = requests;
    }

    void send(String topic, String phone, String householdCode) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9+]", "");
        requests.send(topic, digits.isEmpty() ? null : digits, householdCode);
    }

    public List<Spoken> spoken() {
        return List.of(Spoken.of("support.title"), Spoken.of("support.spoken"));
    }

    public List<Spoken> spokenSent() {
        return List.of(Spoken.of("support.sent"));
    }
}
