package vn.giadinhso.hub.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The backup passphrase: from a file (the nightly timer), from the environment, or typed at a
 * terminal; never on the command line, where {@code ps} and the shell history would show it.
 */
final class PassphraseOption {
  static final String VARIABLE = "GIADINHSO_BACKUP_PASSPHRASE";

  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = {"the backup passphrase in this file (first line; keep it 0600 and a copy off the machine).",
          "Otherwise $" + VARIABLE + ", otherwise it is asked for at the terminal."})
  Path file;

  String read(boolean twice) {
    if (file != null) {
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read --passphrase-file " + file + ": " + e.getMessage(), e);
      }
    }
    String fromEnvironment = System.getenv(VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment.strip();
    }
    Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException("no passphrase: give --passphrase-file FILE or set $" + VARIABLE);
    }
    String typed = new String(console.readPassword("Backup passphrase: "));
    if (twice && !typed.equals(new String(console.readPassword("Again: ")))) {
      throw new IllegalArgumentException("the two passphrases differ");
    }
    return typed.strip();
  }
}
