package vn.giadinhso.kiosk.lesson;

/** One way of typing Vietnamese on a Latin keyboard: what each key does to the text so far. */
interface Composer {

    /** The text after {@code key} is pressed at its end. */
    String type(String text, char key);

    /** The keys that type {@code word} (one word, no spaces), in the order a phone user presses them. */
    String keysFor(String word);
}
