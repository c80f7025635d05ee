package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.UserStore;

@Command(name = "user-add", description = "Create a dashboard account: an admin, or a staff member of one commune. "
    + "The password is read from the console (or from --password-stdin).")
final class UserAddCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--username", required = true, description = "2-40 of a-z 0-9 . _ -")
  String username;

  @Option(names = "--role", defaultValue = "STAFF", description = "ADMIN or STAFF (default ${DEFAULT-VALUE})")
  UserStore.Role role;

  @Option(names = "--commune", description = "the staff member's commune id (required for STAFF)")
  String commune;

  // Never a plain --password option: it would land in the shell history and the process list.
  @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
  boolean passwordStdin;

  @Override
  public Integer call() throws java.io.IOException {
    String password = readPassword();
    try (HubApp hub = db.open()) {
      if (role == UserStore.Role.STAFF && (commune == null || hub.criteria.active(commune).isEmpty())) {
        throw new IllegalArgumentException("a staff account needs --commune naming a known commune (load its criteria set first)");
      }
      hub.users.create(username, password, role, commune);
      hub.audit.record("cli", role == UserStore.Role.STAFF ? commune : null, "user.created", username,
          role.name() + (commune == null ? "" : " " + commune));
      out().println("created " + role.name().toLowerCase(java.util.Locale.ROOT) + " " + username);
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
