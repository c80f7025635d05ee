package vn.giadinhso.kiosk.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.giadinhso.kiosk.KioskMain;
import vn.giadinhso.kiosk.bench.WindowBenchmark;
import vn.giadinhso.kiosk.ui.DemoCard;
import vn.giadinhso.kiosk.ui.DemoCardsFile;

/**
 * {@code bench-startup} and {@code bench-soak}: the demo kiosk launched in child JVMs on the
 * current display (Xvfb on a server), measured from outside. See kiosk/README.md, "Lighter and faster".
 */
final class BenchWindowCommand {

    /**
     * What {@code ./giadinhso} exports for the kiosk besides JVM options (see the launcher): "before"
     * runs without them, as the launcher started the kiosk before issue 13.
     */
    static final List<String> LAUNCHER_ENV = List.of("MALLOC_ARENA_MAX", "GDK_GL");

    private BenchWindowCommand() {
    }

    /** Options both share: the demo kiosk to launch and the JVM options compared. */
    static class Common {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "An enrolled demo kiosk data dir.")
        Path data;

        @Option(names = "--hub", required = true, paramLabel = "URL") URI hub;

        @Option(names = "--cards", required = true, paramLabel = "FILE", description = "The hub's demo cards JSON.")
        Path cards;

        @Option(names = "--jvm-options", paramLabel = "OPTS", defaultValue = "",
                description = "JVM options of the kiosk as the launcher starts it (one string).")
        String jvmOptions;

        @Option(names = "--jvm-options-before", paramLabel = "OPTS", defaultValue = "",
                description = "JVM options to compare with (default none: the JVM's defaults, as before issue 13).")
        String jvmOptionsBefore;

        @Option(names = "--settle-seconds", defaultValue = "5", description = "Idle seconds before reading memory.")
        int settleSeconds;

        @Option(names = "--jar", paramLabel = "FILE", description = "Kiosk jar (default: this one).")
        Path jar;

        @Spec
        CommandSpec spec;

        WindowBenchmark bench() throws Exception {
            Path self = jar != null ? jar : Path.of(KioskMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path work = Files.createDirectories(data.resolve("bench-window"));
            return new WindowBenchmark(java, self, List.of("demo", "--data", data.toString(), "--hub", hub.toString(),
                    "--cards", cards.toString()), work, spec.commandLine().getOut());
        }

        static List<String> split(String options) {
            return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
        }
    }

    @Command(name = "bench-startup", mixinStandardHelpOptions = true,
            description = "Benchmark launch → welcome screen and idle memory against a trivial JavaFX window.")
    static final class Startup extends Common implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "3") int rounds;

        @Option(names = "--also", paramLabel = "NAME=OPTS",
                description = "Another kiosk variant to compare, e.g. no-cds=\"<options without the archive>\" (repeatable).")
        Map<String, String> also = new LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            List<WindowBenchmark.Variant> variants = new ArrayList<>();
            variants.add(new WindowBenchmark.Variant("trivial", split(jvmOptions), false));
            variants.add(new WindowBenchmark.Variant("before", split(jvmOptionsBefore), true, LAUNCHER_ENV));
            variants.add(new WindowBenchmark.Variant("after", split(jvmOptions), true));
            also.forEach((name, options) -> variants.add(new WindowBenchmark.Variant(name, split(options), true)));
            bench().startup(variants, rounds, Duration.ofSeconds(settleSeconds));
            return 0;
        }
    }

    @Command(name = "bench-soak", mixinStandardHelpOptions = true,
            description = "Benchmark memory across many scans through the simulated reader.")
    static final class Soak extends Common implements Callable<Integer> {
        @Option(names = "--scans", defaultValue = "10000") int scans;

        @Option(names = "--every-ms", defaultValue = "50", description = "Milliseconds between scans (default ${DEFAULT-VALUE}).")
        int everyMs;

        @Option(names = "--before", description = "Launch with --jvm-options-before instead of --jvm-options.")
        boolean before;

        @Option(names = "--histogram", description = "Print the heap's largest classes when idle and at the end (jcmd).")
        boolean histogram;

        @Override
        public Integer call() throws Exception {
            List<String> payloads = DemoCardsFile.read(cards, 12).stream().map(DemoCard::payload).toList();
            WindowBenchmark.Variant v = before
                    ? new WindowBenchmark.Variant("before", split(jvmOptionsBefore), true, LAUNCHER_ENV)
                    : new WindowBenchmark.Variant("after", split(jvmOptions), true);
            bench().soak(v, scans, Duration.ofMillis(everyMs), payloads, Duration.ofSeconds(settleSeconds), histogram);
            return 0;
        }
    }
}
