package vn.giadinhso.kiosk.language;

import java.util.Map;
import java.util.Optional;

/**
 * One lesson's words in a pack's language ({@code lessons/<lesson-id>.json}). Step texts are found
 * by step id and field ({@code intro.say}, {@code what-for.road.why}); the phone's labels by their
 * Vietnamese words, because phone elements rarely have ids and one label ("Điện thoại") appears on
 * many screens — translated once, like a message catalogue.
 *
 * @param fields {@code title}, {@code learnt}, {@code <step>.say|hint|done}, {@code <step>.<choice>.text|why}
 * @param phone  Vietnamese label → translated label
 */
public record LessonTranslation(Map<String, String> fields, Map<String, String> phone) {

    public LessonTranslation {
        fields = Map.copyOf(fields);
        phone = Map.copyOf(phone);
    }

    public Optional<String> field(String path) {
        return Optional.ofNullable(fields.get(path));
    }

    public Optional<String> phone(String vietnamese) {
        return vietnamese == null ? Optional.empty() : Optional.ofNullable(phone.get(vietnamese));
    }
}
