package vn.giadinhso.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.LessonPackException;
import vn.giadinhso.kiosk.lesson.LessonPackReader;
import vn.giadinhso.kiosk.lesson.LessonValidator;
import vn.giadinhso.kiosk.lesson.NarrationRenderer;

/** {@code lessons validate|render-audio DIR...}: for whoever writes lesson packs. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "Check lesson packs and render their narration.",
        subcommands = {LessonsCommand.Validate.class, LessonsCommand.RenderAudio.class})
final class LessonsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A pack folder, or a folder of pack folders (e.g. hub/src/main/resources/lessons). */
    static List<Path> packs(List<Path> dirs) {
        List<Path> packs = new ArrayList<>();
        for (Path d : dirs) {
            packs.addAll(PackChecks.packsIn(d, LessonPackReader.LESSON_FILE));
            if (packs.isEmpty()) {
                packs.add(d);
            }
        }
        return packs;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check schema, referenced files, tap targets and narration text; exit 1 on any problem.")
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "Pack folder(s), or a folder of packs.")
        List<Path> dirs;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            List<Path> packs = packs(dirs);
            for (Path pack : packs) {
                if (!PackChecks.report(out, err, pack, new LessonValidator().validate(pack))) {
                    bad++;
                }
            }
            out.println(packs.size() - bad + " of " + packs.size() + " pack(s) valid");
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "render-audio", mixinStandardHelpOptions = true,
            description = "Render missing or outdated narration with espeak-ng (MP3 via lame when installed).")
    static final class RenderAudio implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "Pack folder(s), or a folder of packs.")
        List<Path> dirs;

        @Option(names = "--voice", defaultValue = "vi", description = "espeak-ng voice (default: ${DEFAULT-VALUE}).")
        String voice;

        @Option(names = "--speed", defaultValue = "135",
                description = "Words per minute; slower than espeak's 175 for elderly listeners (default: ${DEFAULT-VALUE}).")
        int speed;

        @Option(names = "--wav", description = "Write WAV even when lame is installed.")
        boolean wav;

        @Option(names = "--force", description = "Render every step again.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!NarrationRenderer.available("espeak-ng")) {
                spec.commandLine().getErr().println("render-audio: espeak-ng is not installed (apt-get install espeak-ng);"
                        + " the player will show the text without sound");
                return 1;
            }
            boolean mp3 = !wav && NarrationRenderer.available("lame");
            NarrationRenderer renderer = new NarrationRenderer(voice, speed, mp3);
            for (Path dir : packs(dirs)) {
                LessonPack pack;
                try {
                    pack = new LessonPackReader().read(dir);
                } catch (LessonPackException e) {
                    spec.commandLine().getErr().println("render-audio: " + e.getMessage());
                    return 1;
                }
                NarrationRenderer.Result r = renderer.render(pack, force);
                out.printf("%-28s %d rendered, %d up to date, %d recorded by a person (%s)%n", pack.lesson().id(),
                        r.rendered(), r.upToDate(), r.recorded(), mp3 ? "mp3" : "wav");
            }
            return 0;
        }
    }
}
