package vn.giadinhso.hub.web;

import java.net.URI;

/**
 * What the dashboard's enrolment QR holds: {@code GDSE1|<hub URL>|<code>} when the hub knows the
 * address kiosks reach it by ({@code serve --public-url}), so a kiosk being enrolled learns both
 * from one scan and nobody types a host name on a touchscreen; the bare code otherwise. Format in
 * docs/protocol.md; the kiosk's {@code EnrolmentModel} reads both.
 */
final class EnrolmentCard {
  static final String TAG = "GDSE1";

  private EnrolmentCard() {}

  static String payload(URI publicUrl, String code) {
    return publicUrl == null ? code : TAG + "|" + publicUrl + "|" + code;
  }
}
