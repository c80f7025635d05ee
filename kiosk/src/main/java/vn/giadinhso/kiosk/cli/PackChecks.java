package vn.giadinhso.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code lessons validate} and {@code languages validate} share: which of the folders named
 * on the command line are packs, and how a pack's problems are printed.
 */
final class PackChecks {

    private PackChecks() {
    }

    /**
     * {@code dir} itself when it holds {@code manifest} or is not a folder (the check then says
     * what is wrong with it), else the pack folders in it, sorted; {@code dir} again when it
     * cannot be listed.
     */
    static List<Path> packsIn(Path dir, String manifest) {
        if (Files.isRegularFile(dir.resolve(manifest)) || !Files.isDirectory(dir)) {
            return List.of(dir);
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(c -> Files.isRegularFile(c.resolve(manifest))).sorted().toList();
        } catch (IOException e) {
            return List.of(dir);
        }
    }

    /** Prints "ok" for a pack with no problems, else each problem; returns whether it was ok. */
    static boolean report(PrintWriter out, PrintWriter err, Path pack, List<?> problems) {
        if (problems.isEmpty()) {
            out.println("ok     " + pack);
            return true;
        }
        err.println("ERROR  " + pack + " — " + problems.size() + " problem(s):");
        problems.forEach(p -> err.println("       " + p));
        return false;
    }
}
