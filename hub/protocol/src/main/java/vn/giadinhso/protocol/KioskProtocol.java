package vn.giadinhso.protocol;

/**
 * The version of the kiosk API a kiosk speaks, sent with every request as {@value #HEADER}
 * (docs/protocol.md, "Protocol version"; docs/decisions/hub-024-kiosk-protocol.md). It changes only
 * when a hub can no longer serve kiosks of an older one; a hub refuses those with HTTP 403 and
 * {@code "code": "}{@value #TOO_OLD}{@code "}, and such a kiosk keeps its events until it is updated.
 */
public final class KioskProtocol {
  /** The request header a kiosk states its protocol in. */
  public static final String HEADER = "X-Kiosk-Protocol";

  /**
   * 1: kiosks released before the header existed (they send none); 2: kiosks that send it and
   * understand the refusal below.
   */
  public static final int CURRENT = 2;

  /** What a request without the header speaks. */
  public static final int UNSTATED = 1;

  /** The error code in the hub's JSON answer to a kiosk too old for it. */
  public static final String TOO_OLD = "kiosk-protocol-too-old";

  private KioskProtocol() {}

  /**
   * The protocol a request states: {@link #UNSTATED} without the header, and for a header that is
   * not a small positive number (it cannot be newer than anything then, and is refused if too old).
   */
  public static int parse(String header) {
    if (header == null || header.isBlank() || header.strip().length() > 4) {
      return UNSTATED;
    }
    try {
      int v = Integer.parseInt(header.strip());
      return v >= 1 ? v : UNSTATED;
    } catch (NumberFormatException e) {
      return UNSTATED;
    }
  }
}
