package vn.giadinhso.kiosk.language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A language as files: its names, version, optional espeak-ng voice, screen strings, lesson
 * translations and recorded narration (format in docs/languages.md). Any part may be missing;
 * what is missing falls back to Vietnamese.
 *
 * @param code    the language's code (ISO 639, e.g. {@code bdq} for Bahnar), also the folder name
 * @param nameSelf the language's name in itself, on its button
 * @param nameVi  its name in Vietnamese, for staff
 * @param voice   an espeak-ng voice that can read it aloud, if any
 * @param kiosk   screen strings ({@code kiosk.properties}), same keys as messages_vi.properties
 * @param player  the lesson player's words ({@code player.properties}), same keys as lesson_vi.properties
 * @param lessons lesson id → its translation
 */
public record LanguagePack(String code, String nameSelf, String nameVi, int version, Optional<String> voice,
        Path dir, Map<String, String> kiosk, Map<String, String> player, Map<String, LessonTranslation> lessons) {

    public LanguagePack {
        kiosk = Map.copyOf(kiosk);
        player = Map.copyOf(player);
        lessons = Map.copyOf(lessons);
    }

    /** A recorded step: {@code audio/<lesson-id>/<step-id>.<code>.mp3} (or .wav). */
    public Optional<Path> stepAudio(String lessonId, String stepId) {
        return recording("audio/" + lessonId + "/" + stepId + "." + code);
    }

    /** A recorded screen string: {@code audio/kiosk/<key>.<code>.mp3} (or .wav). */
    public Optional<Path> kioskAudio(String key) {
        return recording("audio/kiosk/" + key + "." + code);
    }

    private Optional<Path> recording(String stem) {
        return List.of(".mp3", ".wav").stream().map(ext -> dir.resolve(stem + ext)).filter(Files::isRegularFile)
                .findFirst();
    }
}
