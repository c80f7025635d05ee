package vn.giadinhso.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;

/** Test helpers: a version 1 card as old hubs printed it (the hub no longer writes them). */
final class Vectors {
  private Vectors() {}

  static String signV1(String commune, String household, String yyyyMMdd, KeyPair key) {
    String signed = "GDS1|" + commune + "|" + household + "|" + yyyyMMdd;
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(signed.getBytes(StandardCharsets.UTF_8));
      return signed + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
