package vn.giadinhso.kiosk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/**
 * {@code pin}: choose the staff PIN of a kiosk enrolled with the {@code enrol} command (the
 * on-screen enrolment asks for it). Read from the terminal without echo, or one line of stdin;
 * never an option, so it stays out of the shell history and the process list.
 */
@Command(name = "pin", mixinStandardHelpOptions = true,
        description = "Choose the staff PIN (4-8 digits, read from stdin); kept as a salted Argon2id hash.")
final class PinCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Kiosk data directory (default ~/.giadinhso/kiosk).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KioskDataDir dir = new KioskDataDir(data == null ? KioskDataDir.defaultPath() : data);
        Console console = System.console();
        String pin;
        if (console != null) {
            char[] typed = console.readPassword("new staff PIN (4-8 digits): ");
            pin = typed == null ? null : new String(typed);
        } else {
            pin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        pin = pin == null ? null : pin.strip();
        if (!StaffPin.acceptable(pin)) {
            spec.commandLine().getErr().println("pin: a staff PIN is 4 to 8 digits; nothing changed");
            return 2;
        }
        new StaffPin(new StaffPinFile(dir.path()), 1, Duration.ZERO, Clock.systemUTC()).choose(pin);
        spec.commandLine().getOut().println("staff PIN set (hash in " + new StaffPinFile(dir.path()).path() + ")");
        return 0;
    }
}
