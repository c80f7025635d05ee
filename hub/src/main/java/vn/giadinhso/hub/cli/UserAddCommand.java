package vn.giadinhso.hub.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;

@Command(name = "user-add", description = "Create a dashboard account: an admin, a province officer (--role province "
    + "--province 52), commune staff of one or more communes (--role staff --commune a --commune b) or a read-only "
    + "viewer of a province or of communes (--role viewer). The password is read from the console (or from "
    + "--password-stdin); it is one-time: the account must choose a new one at its first sign-in.")
final class UserAddCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--username", required = true, description = "2-40 of a-z 0-9 . _ -")
  String username;

  @Option(names = "--role", defaultValue = "staff", description = "admin, province, staff, viewer or field (default ${DEFAULT-VALUE})")
  String role;

  @Option(names = "--commune", description = "a commune id (staff: one or more; viewer: instead of --province); repeat for several")
  List<String> communes = new ArrayList<>();

  @Option(names = "--village", description = "field: a village of its one --commune, by name or id; repeat for several")
  List<String> villages = new ArrayList<>();

  @Option(names = "--province", description = "the province's code (province officer; viewer of a whole province)")
  String province;

  // Never a plain --password option: it would land in the shell history and the process list.
  @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
  boolean passwordStdin;

  @Override
  public Integer call() throws java.io.IOException {
    UserStore.Role parsed;
    try {
      parsed = UserStore.Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--role is admin, province, staff, viewer or field");
    }
    if (parsed == UserStore.Role.STAFF && communes.isEmpty()) {
      throw new IllegalArgumentException("a staff account needs --commune naming a known commune (repeat it for several)");
    }
    if (parsed == UserStore.Role.FIELD && (communes.size() != 1 || villages.isEmpty())) {
      throw new IllegalArgumentException("a field account needs one --commune and --village for each village it looks after");
    }
    Assignment assignment = new Assignment(parsed, province, communes, villages);
    String password = readPassword();
    try (HubApp hub = db.open()) {
      for (String commune : assignment.communes()) {
        if (hub.units.commune(commune).isEmpty()) {
          throw new IllegalArgumentException("--commune " + commune + " is not a known commune "
              + "(load its criteria set or a units file first)");
        }
      }
      if (assignment.provinceCode() != null && hub.units.province(assignment.provinceCode()).isEmpty()) {
        throw new IllegalArgumentException("--province " + assignment.provinceCode() + " is not a known province code "
            + "(import-units first)");
      }
      // Whoever ran the command chose the password: its owner chooses their own at the first sign-in.
      hub.users.createWithOneTimePassword(username, password, assignment);
      String detail = parsed.name() + (assignment.provinceCode() == null ? "" : " province " + assignment.provinceCode())
          + (assignment.communes().isEmpty() ? "" : " " + String.join(" ", assignment.communes()))
          + (assignment.villages().isEmpty() ? "" : " villages " + String.join(", ", assignment.villages()))
          + "; one-time password: must choose a new one at first sign-in";
      hub.audit.record("cli", assignment.communes().isEmpty() ? null : assignment.communes().get(0), "user.created",
          username, detail);
      out().println("created " + parsed.name().toLowerCase(Locale.ROOT) + " " + username);
      return 0;
    }
  }

  private String readPassword() throws java.io.IOException {
    if (!passwordStdin && System.console() != null) {
      char[] typed = System.console().readPassword("password for %s: ", username);
      return typed == null ? "" : new String(typed);
    }
    var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? "" : line;
  }
}
