package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.storage.DatabaseLocation;

/** {@code --config /etc/giadinhso/hub.conf}: option values from a file, the command line still winning. */
class HubConfigFileTest {
  @TempDir Path dir;

  @Test
  void serveTakesItsSettingsFromTheFileAndTheCommandLineWins() throws Exception {
    Path conf = write("hub.conf", """
        # the hub's settings, as an operator writes them
        db = /var/lib/giadinhso/hub.db
        host = 127.0.0.1
        port = 8080
        public-url = https://hub.xa-antuong.vn
        trusted-proxy = 127.0.0.1,::1
        """);

    ServeCommand fromFile = parseServe(new String[] {"serve", "--config", conf.toString()}, Map.of());
    assertEquals("/var/lib/giadinhso/hub.db", fromFile.db.location);
    assertEquals(8080, fromFile.port);
    assertEquals("https://hub.xa-antuong.vn", fromFile.publicUrl.toString());
    assertEquals(List.of("127.0.0.1", "::1"), fromFile.trustedProxies);

    ServeCommand overridden = parseServe(new String[] {"serve", "--port", "9090", "--config=" + conf,
        "--trusted-proxy", "10.0.0.10", "--db", "other.db"}, Map.of());
    assertEquals(9090, overridden.port);
    assertEquals(List.of("10.0.0.10"), overridden.trustedProxies);
    assertEquals("other.db", overridden.db.location);
    assertEquals("https://hub.xa-antuong.vn", overridden.publicUrl.toString(), "what the command line leaves out still comes from the file");

    ServeCommand fromVariable = parseServe(new String[] {"serve"}, Map.of(HubConfigFile.VARIABLE, conf.toString()));
    assertEquals(8080, fromVariable.port);

    ServeCommand withoutFile = parseServe(new String[] {"serve", "--db", "hub.db"}, Map.of());
    assertEquals(7070, withoutFile.port);
    assertEquals(List.of(), withoutFile.trustedProxies);
  }

  @Test
  void aCommandUsesTheDatabaseTheFileNamesUnlessTheCommandLineNamesAnother() throws Exception {
    Path first = dir.resolve("first/hub.db");
    Path second = dir.resolve("second/hub.db");
    Path conf = write("hub.conf", databaseSettings(first));

    Cli viaFile = run("public-key", "--config", conf.toString());
    assertEquals(0, viaFile.exitCode(), viaFile.err());
    assertEquals(Cli.run("public-key", "--db", first.toString()).out(), viaFile.out(), "the file's database is the one used");

    List<String> override = new ArrayList<>(List.of("public-key", "--config", conf.toString()));
    override.addAll(List.of(TestDatabase.cliArgs("--db", second.toString())));
    Cli viaCommandLine = run(override.toArray(String[]::new));
    assertEquals(0, viaCommandLine.exitCode(), viaCommandLine.err());
    assertEquals(Cli.run("public-key", "--db", second.toString()).out(), viaCommandLine.out());
    assertNotEquals(viaFile.out(), viaCommandLine.out(), "two hubs, two keys: the command line's database won");
  }

  @Test
  void anUnknownKeyIsNamedWithTheFileAndTheKeysThatExist() throws Exception {
    Path conf = write("hub.conf", "db = hub.db\ntrusted_proxy = 127.0.0.1\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HubCommand.commandLine(new String[] {"serve", "--config", conf.toString()}, Map.of()));
    assertTrue(e.getMessage().startsWith("unknown key trusted_proxy in the configuration file " + conf), e.getMessage());
    assertTrue(e.getMessage().contains("trusted-proxy"), "the key it should have been: " + e.getMessage());

    Path missing = dir.resolve("nowhere.conf");
    IllegalArgumentException notThere = assertThrows(IllegalArgumentException.class,
        () -> HubCommand.commandLine(new String[] {"serve"}, Map.of(HubConfigFile.VARIABLE, missing.toString())));
    assertEquals("cannot read the configuration file " + missing + ": no such file", notThere.getMessage());
  }

  @Test
  void aDatabasePasswordInTheFileIsNeverPrinted() throws Exception {
    // A PostgreSQL URL with its password, as an operator might write it in a 0640 root:giadinhso
    // file; nothing listens on port 1, so the command fails and says why.
    String password = "Mật-khẩu-s3cret";
    Path conf = write("hub.conf", "db = postgresql://giadinhso:" + password + "@127.0.0.1:1/giadinhso\n"
        + "secrets = " + dir.resolve("hub.secrets.json") + "\n");
    Path badKey = write("bad.conf", "db = postgresql://giadinhso:" + password + "@127.0.0.1:1/giadinhso\n"
        + "passwrd = " + password + "\n");

    for (Path file : List.of(conf, badKey)) {
      Path out = dir.resolve("out.txt");
      Path err = dir.resolve("err.txt");
      Process hub = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "vn.giadinhso.hub.HubMain", "public-key", "--config", file.toString())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertTrue(hub.waitFor(120, TimeUnit.SECONDS), "the command should give up at once");
      String printed = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
      assertNotEquals(0, hub.exitValue(), printed);
      assertTrue(printed.contains("error: "), "it says what went wrong: " + printed);
      assertFalse(printed.contains(password) || printed.contains("s3cret"), "the password was printed: " + printed);
    }
  }

  @Test
  void commandsListConfigInTheirHelp() {
    CommandLine cli = HubCommand.commandLine();
    for (String command : List.of("serve", "public-key", "user-add")) {
      String help = cli.getSubcommands().get(command).getUsageMessage();
      assertTrue(help.contains("--config=FILE"), help);
    }
  }

  private ServeCommand parseServe(String[] args, Map<String, String> environment) {
    CommandLine.ParseResult parsed = HubCommand.commandLine(args, environment).parseArgs(args);
    return (ServeCommand) parsed.subcommand().commandSpec().userObject();
  }

  /** {@code db} (and on the PostgreSQL run {@code secrets}) for this test hub, as the file would say it. */
  private static String databaseSettings(Path sqliteFile) {
    DatabaseLocation location = TestDatabase.location(sqliteFile);
    if (location instanceof DatabaseLocation.Postgres) {
      String[] args = TestDatabase.cliArgs("--db", sqliteFile.toString());
      return "db = " + args[1] + "\nsecrets = " + args[3] + "\n";
    }
    return "db = " + sqliteFile + "\n";
  }

  private Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = HubCommand.commandLine(args, Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Cli(cli.execute(args), out.toString(), err.toString());
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
