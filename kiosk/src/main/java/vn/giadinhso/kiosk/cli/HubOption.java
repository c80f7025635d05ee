package vn.giadinhso.kiosk.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.enrol.HubAddress;

/** Checks a {@code --hub} option against {@link HubAddress} before a command does anything with it. */
final class HubOption {

    /** The exit code for a refused address: a usage error, like picocli's own. */
    static final int REFUSED = 2;

    private HubOption() {
    }

    /** True if {@code hub} may be used; otherwise says why on stderr (English, for the operator). */
    static boolean acceptable(URI hub, CommandSpec spec) {
        Optional<HubAddress.Problem> problem = HubAddress.problem(hub);
        if (problem.isEmpty()) {
            return true;
        }
        spec.commandLine().getErr().println(spec.name() + ": --hub refused: " + HubAddress.explain(hub, problem.get()));
        spec.commandLine().getErr().flush();
        return false;
    }
}
