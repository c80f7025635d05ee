package vn.giadinhso.hub.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A short command run to its end, with its exit code and everything it printed (stdout and stderr together). */
record Processes(int exitCode, String output) {
  static Processes run(Path workDir, Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile(workDir, "output", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    // An operator's own setting in the test's environment must not steer the hub under test.
    builder.environment().remove("GIADINHSO_HUB_CONFIG");
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 120 s: " + command);
    }
    return new Processes(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  static Processes run(Path workDir, String... command) throws IOException, InterruptedException {
    return run(workDir, Map.of(), List.of(command));
  }
}
