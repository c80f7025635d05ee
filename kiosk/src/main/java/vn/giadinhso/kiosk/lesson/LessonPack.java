package vn.giadinhso.kiosk.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A lesson and the folder its pictures and narration live in. */
public record LessonPack(Lesson lesson, Path dir) {

    /** Narration files the player tries, in order, when a step names none (MP3 is smaller, WAV plays everywhere). */
    public static List<String> conventionalAudio(Step step) {
        return List.of("audio/" + step.id() + ".vi.mp3", "audio/" + step.id() + ".vi.wav");
    }

    public Optional<Path> audioFor(Step step) {
        List<String> names = step.audio() != null ? List.of(step.audio()) : conventionalAudio(step);
        return names.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    public Optional<Path> file(String relative) {
        if (relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        Path p = dir.resolve(relative).normalize();
        return p.startsWith(dir.normalize()) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
