package vn.giadinhso.kiosk.hardware;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a profile JSON file. Unknown fields are errors: a misspelt field in a hand-edited profile
 * must fail at start-up, not silently fall back to a default that garbles every scan.
 */
public final class HardwareProfileReader {

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public HardwareProfile read(Path file) throws IOException {
        try {
            return json.readValue(file.toFile(), HardwareProfile.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IOException("hardware profile " + file + " is not valid: " + cause.getMessage(), e);
        }
    }
}
