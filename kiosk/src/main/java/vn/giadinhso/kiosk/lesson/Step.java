package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.kiosk.household.Text;

/**
 * One step of a lesson.
 *
 * @param say    the instruction, shown and spoken (required)
 * @param audio  narration file in the pack; when absent the player looks for audio/{id}.vi.mp3|wav
 * @param image  an optional picture for info and choose steps
 * @param screen the simulated phone, or null for a step without one
 * @param target tap: the element id to tap; type: the input element id being filled
 * @param answer type: what must be typed (compared without case and surrounding spaces)
 * @param keys   type: "digits" for a number pad, otherwise letters
 * @param hint   said after a miss instead of the generic gentle word
 * @param done   said when the step is done right (optional)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Step(String id, StepKind kind, Text say, String audio, String image, PhoneScreen screen, String target,
        String answer, String keys, List<Choice> choices, Text hint, Text done) {

    public Step {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public Optional<Choice> choice(String choiceId) {
        return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst();
    }

    public boolean digitsOnly() {
        return "digits".equals(keys);
    }
}
