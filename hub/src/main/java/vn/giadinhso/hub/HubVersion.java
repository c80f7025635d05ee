package vn.giadinhso.hub;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the jar. */
public final class HubVersion {
  private HubVersion() {}

  public static String get() {
    try (InputStream in = HubVersion.class.getResourceAsStream("/hub-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
