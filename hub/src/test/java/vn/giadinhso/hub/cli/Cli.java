package vn.giadinhso.hub.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a hub command in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = HubCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(vn.giadinhso.hub.TestDatabase.cliArgs(args));
    return new Cli(code, out.toString(), err.toString());
  }

  String[] lines() {
    return out.isEmpty() ? new String[0] : out.split("\n");
  }
}
