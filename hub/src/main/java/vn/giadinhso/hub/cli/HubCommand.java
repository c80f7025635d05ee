package vn.giadinhso.hub.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.giadinhso.hub.HubVersion;

@Command(
    name = "giadinhso-hub",
    mixinStandardHelpOptions = true,
    versionProvider = HubCommand.Version.class,
    description = "Gia Đình Số hub: households, criteria sets, kiosks and their event log.",
    subcommands = {
      ServeCommand.class,
      DemoDataCommand.class,
      ImportCriteriaCommand.class,
      AddPointCommand.class,
      ImportHouseholdsCommand.class,
      ImportLessonsCommand.class,
      PublishLanguageCommand.class,
      EnrolCodeCommand.class,
      RevokeKioskCommand.class,
      RevokeCardCommand.class,
      RotateSigningKeyCommand.class,
      RotateHashKeyCommand.class,
      HouseholdQrCommand.class,
      PublicKeyCommand.class,
      ExportEventsCommand.class,
      UserAddCommand.class,
      ImportUnitsCommand.class,
      BenchIngestCommand.class,
      BenchReportsCommand.class,
      BenchSearchCommand.class,
      CopyDatabaseCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      RetentionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HubCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // Read before parsing (HubConfigFile.selected); declared here so that every command accepts it
  // and lists it in its help.
  @CommandLine.Option(names = HubConfigFile.OPTION, paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = {"read option values from this file (e.g. /etc/giadinhso/hub.conf; or $" + HubConfigFile.VARIABLE + "):",
          "one 'name = value' a line, names as the options' without the dashes; the command line wins"})
  java.nio.file.Path configFile;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. serve or demo-data");
  }

  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new HubCommand());
    // Names are Vietnamese: never leave the encoding to the machine's locale (often POSIX on servers).
    cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    // Operator-facing failures (bad file, unknown household) print one clear line, not a stack trace.
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 2;
    });
    return cli;
  }

  /**
   * The command line with the configuration file applied, if {@code --config FILE} or
   * {@code $GIADINHSO_HUB_CONFIG} names one.
   *
   * @throws IllegalArgumentException when that file cannot be read or has a key no option has
   */
  public static CommandLine commandLine(String[] args, java.util.Map<String, String> environment) {
    CommandLine cli = commandLine();
    HubConfigFile.selected(args, environment).ifPresent(file -> file.applyTo(cli));
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"giadinhso-hub " + HubVersion.get()};
    }
  }
}
