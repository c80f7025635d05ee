package vn.giadinhso.kiosk.hardware;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a profile JSON file. Unknown fields are errors: a misspelt field in a hand-edited profile
 * must fail at start-up, not silently fall back to a default that garbles every scan.
 */
public final class HardwareProfileReader {

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public HardwareProfile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("hardware profile " + file + " does not exist");
        }
        try {
            JsonNode tree = json.readTree(file.toFile());
            // Checked on the tree first: with records, Jackson runs the constructor's own checks
            // before it reports an unknown field, which would blame the wrong thing.
            rejectUnknownFields(tree, HardwareProfile.class, "");
            return json.treeToValue(tree, HardwareProfile.class);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IOException("hardware profile " + file + " is not valid: " + cause.getMessage(), e);
        }
    }

    private static void rejectUnknownFields(JsonNode node, Class<?> type, String path) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return;
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + path + name + "' (known: " + known + ")");
            }
        }
        for (RecordComponent c : components) {
            rejectUnknownFields(node.get(c.getName()), c.getType(), path + c.getName() + ".");
        }
    }
}
