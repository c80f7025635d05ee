package vn.giadinhso.kiosk.language;

import java.nio.file.Path;
import java.util.List;

/**
 * How an instruction is heard: recorded files played in order, text synthesised with an espeak-ng
 * voice, or nothing (the words are on screen). Chosen by {@link Language}, played by the UI.
 */
public sealed interface Narration {

    record Recorded(List<Path> files) implements Narration {
        public Recorded {
            files = List.copyOf(files);
        }
    }

    record Synthesised(String text, String voice) implements Narration {
    }

    record Silent() implements Narration {
    }

    static Narration silent() {
        return new Silent();
    }
}
