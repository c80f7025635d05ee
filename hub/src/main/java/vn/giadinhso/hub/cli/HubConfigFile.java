package vn.giadinhso.hub.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The hub's configuration file ({@code /etc/giadinhso/hub.conf}): option values an operator would
 * otherwise repeat on every command line ({@code db = /var/lib/giadinhso/hub.db}, {@code
 * trusted-proxy = 127.0.0.1}). Picocli's own {@link CommandLine.PropertiesDefaultProvider} turns the
 * file into default values, so an option given on the command line still wins. Picocli silently
 * ignores keys it does not know; a typo (`trusted_proxy`) would then quietly leave the hub without
 * its setting, so every key is checked against the options the commands have.
 *
 * <p>Values are never echoed back: the file may hold a database URL with its password.
 */
public final class HubConfigFile {
  /** Selects the file when {@code --config} is not given (the package's launcher sets it). */
  public static final String VARIABLE = "GIADINHSO_HUB_CONFIG";
  static final String OPTION = "--config";

  private final Path file;
  private final Properties values;

  private HubConfigFile(Path file, Properties values) {
    this.file = file;
    this.values = values;
  }

  /**
   * The file named by {@code --config FILE} (or {@code --config=FILE}) among the arguments, else by
   * {@code $GIADINHSO_HUB_CONFIG}; none when neither is given. Only that one option is looked for
   * here, because picocli applies default values before it parses the rest; picocli itself parses
   * {@code --config} again as an ordinary option (so it shows in every command's help).
   */
  public static Optional<HubConfigFile> selected(String[] args, Map<String, String> environment) {
    String named = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals(OPTION) && i + 1 < args.length) {
        named = args[i + 1];
      } else if (args[i].startsWith(OPTION + "=")) {
        named = args[i].substring(OPTION.length() + 1);
      }
    }
    if (named == null) {
      named = environment.get(VARIABLE);
    }
    return named == null || named.isBlank() ? Optional.empty() : Optional.of(read(Path.of(named)));
  }

  static HubConfigFile read(Path file) {
    Properties values = new Properties();
    // UTF-8: commune and point names are Vietnamese (java.util.Properties' own default is Latin-1).
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      values.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the configuration file " + file + ": "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
    }
    return new HubConfigFile(file, values);
  }

  /**
   * Makes the file's values the default values of every command, after checking each key names an
   * option of some command: {@code db}, or one command's own {@code giadinhso-hub.serve.port}.
   */
  public void applyTo(CommandLine cli) {
    Set<String> known = new TreeSet<>();
    collectKeys(cli, known);
    List<String> unknown = values.stringPropertyNames().stream().filter(k -> !known.contains(k)).sorted().toList();
    if (!unknown.isEmpty()) {
      Set<String> plain = new TreeSet<>(known.stream().filter(k -> !k.contains(".")).toList());
      throw new IllegalArgumentException("unknown key" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
          + " in the configuration file " + file + " (its keys are option names without the dashes: "
          + String.join(", ", plain) + ")");
    }
    cli.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(values));
  }

  Path file() {
    return file;
  }

  private static void collectKeys(CommandLine cli, Set<String> keys) {
    CommandSpec spec = cli.getCommandSpec();
    for (OptionSpec option : spec.options()) {
      if (option.usageHelp() || option.versionHelp() || option.longestName().equals(OPTION)) {
        continue;
      }
      String key = option.longestName().replaceFirst("^-+", "");
      keys.add(key);
      keys.add(spec.qualifiedName(".") + "." + key);
    }
    cli.getSubcommands().values().forEach(sub -> collectKeys(sub, keys));
  }
}
