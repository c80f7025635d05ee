package vn.giadinhso.hub;

import picocli.CommandLine;
import vn.giadinhso.hub.cli.HubCommand;

/** {@code java -jar giadinhso-hub.jar <command>}. */
public final class HubMain {
  private HubMain() {}

  public static void main(String[] args) {
    System.exit(HubCommand.commandLine().execute(args));
  }
}
