package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * A simulated phone screen, top to bottom. {@code accent} colours the header and buttons so each
 * pretend app looks different without borrowing a real brand.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhoneScreen(String accent, List<PhoneElement> elements) {

    public PhoneScreen {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    public Optional<PhoneElement> find(String id) {
        return elements.stream().flatMap(e -> e.flatten().stream()).filter(e -> id.equals(e.id())).findFirst();
    }

    public String accentOr(String fallback) {
        return accent == null || accent.isBlank() ? fallback : accent;
    }
}
