package vn.giadinhso.kiosk.lesson;

import java.util.List;
import vn.giadinhso.kiosk.household.Text;

/**
 * A practice task: steps on a simulated phone, the criteria it counts toward (as PRACTISED, never
 * MET), what the resident learnt, and which lesson to suggest next.
 */
public record Lesson(String id, int version, Text title, Text learnt, List<String> criteria, String next,
        List<Step> steps) {

    public Lesson {
        criteria = List.copyOf(criteria);
        steps = List.copyOf(steps);
    }

    public int scoredSteps() {
        return (int) steps.stream().filter(s -> s.kind().scored()).count();
    }
}
