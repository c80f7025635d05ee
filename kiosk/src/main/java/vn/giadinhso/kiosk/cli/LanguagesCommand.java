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
import vn.giadinhso.kiosk.language.BuiltInTexts;
import vn.giadinhso.kiosk.language.LanguagePackException;
import vn.giadinhso.kiosk.language.LanguagePackReader;
import vn.giadinhso.kiosk.language.TranslationCheck;
import vn.giadinhso.kiosk.lesson.LessonLibrary;

/** {@code languages validate DIR...}: for whoever prepares a language pack (docs/languages.md). */
@Command(name = "languages", mixinStandardHelpOptions = true, description = "Check language packs.",
        subcommands = {LanguagesCommand.Validate.class})
final class LanguagesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check pack.json, the strings' keys and placeholders, lesson texts and recordings' names;"
                    + " with --lessons, that every translated step, choice and phone label exists. Exit 1 on any problem.")
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "Pack folder(s), or a folder of packs.")
        List<Path> dirs;

        @Option(names = "--lessons", paramLabel = "DIR",
                description = "Lesson packs to check translations against (e.g. hub/src/main/resources/lessons).")
        Path lessons;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BuiltInTexts builtIn = BuiltInTexts.load();
            LanguagePackReader reader = new LanguagePackReader(builtIn.messageKeys(), builtIn.playerKeys());
            LessonLibrary library = lessons == null ? null : LessonLibrary.load(List.of(lessons));
            int bad = 0;
            for (Path pack : packs(dirs)) {
                List<String> problems = new ArrayList<>(reader.validate(pack));
                if (problems.isEmpty() && library != null) {
                    try {
                        problems.addAll(TranslationCheck.problems(reader.read(pack), library));
                    } catch (LanguagePackException e) {
                        problems.add(e.getMessage());
                    }
                }
                if (!PackChecks.report(out, err, pack, problems)) {
                    bad++;
                }
            }
            return bad == 0 ? 0 : 1;
        }

        private static List<Path> packs(List<Path> dirs) {
            return dirs.stream().flatMap(d -> PackChecks.packsIn(d, LanguagePackReader.PACK_FILE).stream()).toList();
        }
    }
}
