package vn.giadinhso.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.hardware.QrImageDecoder;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.PayloadClassifier;
import vn.giadinhso.kiosk.identity.Unrecognised;

/** {@code identify}: one JSON line per payload (images first, then text payloads, each in order). */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Identify payloads (household QR, citizen ID QR, MRZ) and print one JSON line each.")
final class IdentifyCommand implements Callable<Integer> {

    @Option(names = "--hub-key", paramLabel = "FILE",
            description = "File with the hub public key as printed by the hub's public-key command.")
    Path hubKey;

    @Option(names = "--image", paramLabel = "FILE", description = "Decode the QR code in this image first (repeatable).")
    List<Path> images = new ArrayList<>();

    @Parameters(paramLabel = "PAYLOAD", arity = "0..*", description = "Payload text exactly as the reader sent it.")
    List<String> payloads = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (images.isEmpty() && payloads.isEmpty()) {
            spec.commandLine().getErr().println("identify: give at least one PAYLOAD or --image FILE");
            return 2;
        }
        PayloadClassifier classifier = new PayloadClassifier(HubKeyOption.load(hubKey), Clock.systemDefaultZone());
        IdentificationJson json = new IdentificationJson();
        QrImageDecoder qr = new QrImageDecoder();
        for (Path image : images) {
            Identification result;
            try {
                Optional<String> text = qr.decode(image);
                result = text.map(classifier::identify)
                        .orElseGet(() -> Unrecognised.because("no QR code found in image " + image));
            } catch (IOException e) {
                result = Unrecognised.because("cannot read image: " + e.getMessage());
            }
            out.println(json.line(result));
        }
        for (String payload : payloads) {
            out.println(json.line(classifier.identify(payload)));
        }
        out.flush();
        return 0;
    }
}
