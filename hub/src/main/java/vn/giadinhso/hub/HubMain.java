package vn.giadinhso.hub;

import picocli.CommandLine;
import vn.giadinhso.hub.cli.HubCommand;

/** {@code java -jar giadinhso-hub.jar <command>}. */
public final class HubMain {
  private HubMain() {}

  public static void main(String[] args) {
    CommandLine cli;
    try {
      cli = HubCommand.commandLine(args, System.getenv());
    } catch (IllegalArgumentException badConfigFile) {
      System.err.println("error: " + badConfigFile.getMessage());
      System.exit(2);
      return;
    }
    System.exit(cli.execute(args));
  }
}
