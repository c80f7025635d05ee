package vn.giadinhso.kiosk.lesson;

/**
 * A picture for a lesson in the "Thực hành" list, taken from the lesson itself so a pack needs no
 * cover image: the icon of the first thing the resident taps (usually the app the lesson opens,
 * which is what they will look for on their own phone), else the first answer's icon.
 */
public final class LessonIcon {

    /** For a lesson with no icon anywhere. */
    public static final String FALLBACK = "school";

    private LessonIcon() {
    }

    /** A Material Design icon name, such as {@code phone} or {@code map-marker}. */
    public static String of(Lesson lesson) {
        for (Step step : lesson.steps()) {
            if (step.kind() == StepKind.TAP && step.screen() != null && step.target() != null) {
                String icon = step.screen().find(step.target()).map(PhoneElement::icon).orElse(null);
                if (icon != null && !icon.isBlank()) {
                    return icon;
                }
            }
        }
        for (Step step : lesson.steps()) {
            for (Choice c : step.choices()) {
                if (c.icon() != null && !c.icon().isBlank()) {
                    return c.icon();
                }
            }
        }
        return FALLBACK;
    }
}
