package vn.giadinhso.kiosk.screen;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.household.CriteriaSet;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPack;

/**
 * A household's status: its criteria, "Tôi đã làm được", the phone links and the lessons that
 * count toward each criterion. Holds the household on screen (personal data: the navigator clears
 * it when the kiosk goes idle).
 */
public final class StatusModel {

    /** Records "Tôi đã làm được" for a household's criterion (DECLARED, for staff to verify). */
    public interface Declare {
        void declare(String householdCode, String criterionId);
    }

    /** Records that a household's status was shown (counts only). */
    public interface Viewed {
        void viewed(Household household);
    }

    private final Function<String, Optional<Household>> households;
    private final Supplier<Optional<CriteriaSet>> criteria;
    private final Declare declarations;
    private final Viewed viewed;
    private final Supplier<LessonLibrary> library;
    private final PhoneSteps phoneSteps;
    private Household household;

    public StatusModel(Function<String, Optional<Household>> households, Supplier<Optional<CriteriaSet>> criteria,
            Declare declarations, Viewed viewed, Supplier<LessonLibrary> library, PhoneSteps phoneSteps) {
        this.households = households;
        this.criteria = criteria;
        this.declarations = declarations;
        this.viewed = viewed;
        this.library = library;
        this.phoneSteps = phoneSteps;
    }

    void show(Household found) {
        household = found;
        viewed.viewed(found);
    }

    void clear() {
        household = null;
    }

    /** Reads the household again (after a lesson, a declaration or a sync). */
    void refresh() {
        if (household != null) {
            household = households.apply(household.code()).orElse(household);
        }
    }

    public Optional<Household> household() {
        return Optional.ofNullable(household);
    }

    public Optional<CriteriaSet> criteriaSet() {
        return criteria.get();
    }

    public PhoneSteps phoneSteps() {
        return phoneSteps;
    }

    /** "Tôi đã làm được": recorded as DECLARED for staff to verify. */
    public boolean declare(String criterionId) {
        if (household == null) {
            return false;
        }
        declarations.declare(household.code(), criterionId);
        refresh();
        return true;
    }

    /** Lessons that count toward a criterion. */
    public List<LessonPack> lessonsFor(String criterionId) {
        return library.get().forCriterion(criterionId);
    }

    public String criterionText(String criterionId, Locale locale) {
        return criteria.get().flatMap(s -> s.criterion(criterionId)).map(c -> c.text().in(locale)).orElse(criterionId);
    }

    /** Only counts, never a name. */
    public List<Spoken> spoken() {
        return household == null ? List.of() : List.of(Spoken.of("status.spoken", household.met(), household.applicable()));
    }
}
