package vn.giadinhso.kiosk;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import vn.giadinhso.kiosk.cli.KioskCommand;

/**
 * Entry point of the kiosk jar. A plain class on purpose: the JavaFX app will be launched from
 * here with {@code Application.launch(...)}, which only works from a class that does not itself
 * extend {@code Application} when JavaFX is on the class path of a fat jar.
 */
public final class KioskMain {

    private KioskMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command without exiting, so tests can call it. */
    public static int run(String[] args) {
        return run(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new KioskCommand());
        cli.setOut(out);
        cli.setErr(err);
        // An operator mistake (missing file, bad profile, bad key) gets one clear line, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
