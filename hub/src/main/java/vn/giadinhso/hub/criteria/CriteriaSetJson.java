package vn.giadinhso.hub.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.giadinhso.hub.Json;

/** Reads and writes criteria-set documents (the files under resources/criteria and their copies). */
public final class CriteriaSetJson {
  private final ObjectMapper mapper = Json.newMapper();

  public CriteriaSet read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  public CriteriaSet readResource(String name) {
    try (InputStream in = CriteriaSetJson.class.getResourceAsStream("/criteria/" + name)) {
      if (in == null) {
        throw new IllegalStateException("criteria set resource missing: " + name);
      }
      return read(in, name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read criteria set " + name, e);
    }
  }

  private CriteriaSet read(InputStream in, String origin) throws IOException {
    try {
      return mapper.readValue(in, CriteriaSet.class);
    } catch (JsonProcessingException e) {
      throw new IOException(origin + ": not a valid criteria set: " + e.getOriginalMessage(), e);
    }
  }

  public CriteriaSet fromText(String json) {
    try {
      return mapper.readValue(json, CriteriaSet.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored criteria set is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  public String toText(CriteriaSet set) {
    try {
      return mapper.writeValueAsString(set);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
