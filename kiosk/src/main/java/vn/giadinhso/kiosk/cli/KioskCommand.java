package vn.giadinhso.kiosk.cli;

import picocli.CommandLine.Command;

/** The top-level command; the real work is in the subcommands. */
@Command(name = "giadinhso-kiosk", mixinStandardHelpOptions = true, version = "giadinhso-kiosk 0.1.0",
        description = "Gia Đình Số kiosk: enrol, run (window or headless), and reader diagnostics.",
        subcommands = {EnrolCommand.class, PinCommand.class, RunCommand.class, DemoCommand.class, QuarantineCommand.class,
                IdentifyCommand.class, ListenCommand.class,
                BenchCommand.class, BenchStolenKioskCommand.class, BenchDrainCommand.class, BenchWindowCommand.Startup.class,
                BenchWindowCommand.Soak.class, LessonsCommand.class, LanguagesCommand.class})
public final class KioskCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
