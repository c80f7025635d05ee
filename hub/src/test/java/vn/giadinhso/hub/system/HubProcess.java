package vn.giadinhso.hub.system;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * One {@code serve} process as an operator starts it, on a PostgreSQL database shared with other
 * processes: {@code java … HubMain serve --db postgresql://user@host/db --secrets FILE --port 0},
 * the password in {@code GIADINHSO_DB_PASSWORD}. Closing it (or the test JVM ending) kills it, so
 * a failing test leaves no hub behind.
 */
final class HubProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  final String name;
  private final Process process;
  private final Path stderr;
  private final Thread killOnExit;
  private final AtomicReference<Integer> port = new AtomicReference<>();

  private HubProcess(String name, Process process, Path stderr) {
    this.name = name;
    this.process = process;
    this.stderr = stderr;
    this.killOnExit = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(killOnExit);
    Thread out = new Thread(this::readStdout, name + "-stdout");
    out.setDaemon(true);
    out.start();
  }

  /** Starts {@code serve}; {@link #awaitListening()} waits until it answers. */
  static HubProcess serve(String name, DatabaseLocation.Postgres db, Path secrets, Path logs) {
    return start(name, logs, "serve", "--db", operatorUrl(db), "--secrets", secrets.toString(), "--port", "0",
        // Two processes on 2 cores: a pool of 4 each (docs/deployment.md).
        "--db-pool", "4");
  }

  /** Runs another hub command (an import) against the same database, as an operator would beside the servers. */
  static HubProcess command(String name, Path logs, String... args) {
    return start(name, logs, args);
  }

  private static HubProcess start(String name, Path logs, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "vn.giadinhso.hub.HubMain"));
    command.addAll(List.of(args));
    Path stderr = logs.resolve(name + ".stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    // The embedded server trusts local connections, so any password passes; it is here to show
    // the URL carries none (it would show in `ps`).
    builder.environment().put("GIADINHSO_DB_PASSWORD", "not-in-the-url");
    try {
      return new HubProcess(name, builder.start(), stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** postgresql://user@host:port/db, as an operator types it: no password. */
  static String operatorUrl(DatabaseLocation.Postgres db) {
    String url = db.jdbcUrl().substring("jdbc:".length());
    return url.replace("postgresql://", "postgresql://" + db.user().orElse("postgres") + "@");
  }

  private void readStdout() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = LISTENING.matcher(line);
        if (m.matches()) {
          port.set(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException ended) {
      // the process was killed
    }
  }

  HubProcess awaitListening() {
    await(name + " prints where it listens").atMost(Duration.ofSeconds(90))
        .until(() -> port.get() != null || !process.isAlive());
    if (port.get() == null) {
      throw new AssertionError(name + " ended before listening (exit " + process.exitValue() + "): " + stderr());
    }
    return this;
  }

  /** Waits for a command to finish; fails with its stderr unless it exits 0. */
  void awaitSuccess() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(name + " failed: " + stderr());
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port.get() + path);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** kill -9: no shutdown hook runs, transactions in flight are cut off. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(no stderr: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}
