package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.giadinhso.kiosk.household.Text;

/** One answer of a choose step; {@code why} is said after it is picked, right or wrong. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Choice(String id, Text text, String image, String icon, boolean correct, Text why) {
}
