package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.kiosk.household.Text;

/**
 * One thing drawn on the simulated phone. One shape for all types keeps lesson.json simple to
 * write by hand; which fields a type uses is documented in docs/lessons.md.
 *
 * @param type   statusBar, header, text, input, button, listItem, tabs, otp, notification, qr,
 *               apps, card, message, map, image
 * @param id     what a tap step names as its target; only elements with an id can be tapped
 * @param text   the main words (title, label, button text)
 * @param detail secondary words (subtitle, placeholder, notification body)
 * @param value  a value shown as is (an amount, OTP digits, the QR's content, an image file)
 * @param icon   a Material Design icon name such as "map-marker"
 * @param style  a variant: "primary", "danger", "in"/"out" for messages, "big" for text
 * @param items  children: tabs, apps, card rows, list entries
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhoneElement(String type, String id, Text text, Text detail, String value, String icon, String style,
        List<PhoneElement> items) {

    public PhoneElement {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** This element and all its descendants, depth first. */
    public List<PhoneElement> flatten() {
        List<PhoneElement> all = new ArrayList<>();
        all.add(this);
        for (PhoneElement child : items) {
            all.addAll(child.flatten());
        }
        return all;
    }
}
