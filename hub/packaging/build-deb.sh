#!/usr/bin/env bash
# Builds hub/target/giadinhso-hub_<version>_amd64.deb from the shaded jar (hub/target/giadinhso-hub.jar)
# and a Java 17 runtime trimmed by jlink. Run through `./giadinhso package-hub` (which builds the jar
# first); needs a JDK 17 with jmods (Debian: openjdk-17-jdk) and dpkg-deb. Not part of `mvn verify`.
# Why dpkg-deb and not jpackage: docs/decisions/hub-025-hub-package.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
hub=$(dirname "$here")
jar=$hub/target/giadinhso-hub.jar
[ -f "$jar" ] || { echo "$jar is missing: run ./giadinhso package-hub (it builds the jar)" >&2; exit 1; }

JLINK=${JLINK:-$(command -v jlink || true)}
[ -n "$JLINK" ] || { echo "jlink not found: install a JDK 17 (Debian: openjdk-17-jdk)" >&2; exit 1; }
jdk=$(dirname "$(dirname "$(readlink -f "$JLINK")")")
"$jdk/bin/java" -version 2>&1 | grep -q 'version "17' \
  || { echo "jlink is not JDK 17's ($jdk): the package bundles Java 17; set JLINK=/path/to/jdk-17/bin/jlink" >&2; exit 1; }

version=$(unzip -p "$jar" hub-version.properties | sed -n 's/^version=//p')
# 0.1.0-SNAPSHOT → 0.1.0~snapshot: sorts before the 0.1.0 release, as dpkg should see it.
debversion=$(printf '%s' "$version" | sed 's/-SNAPSHOT$/~snapshot/; s/-/~/g')
stage=$hub/target/deb/giadinhso-hub
out=$hub/target/giadinhso-hub_${debversion}_amd64.deb
rm -rf "$stage"
mkdir -p "$stage/usr/lib/giadinhso-hub"

# The modules the hub uses: `jdeps --print-module-deps --ignore-missing-deps --multi-release 17`
# on the shaded jar (java.base … jdk.management), plus what jdeps cannot see: jdk.crypto.ec (TLS
# to PostgreSQL with sslmode=require), jdk.unsupported (sun.misc.Unsafe, read reflectively by
# several libraries), jdk.zipfs, jdk.localedata limited to Vietnamese and English (dates and
# numbers on the dashboard), java.management (JVM figures). Re-run jdeps after adding a library.
modules=java.base,java.desktop,java.instrument,java.naming,java.net.http,java.rmi,java.security.jgss,java.sql
modules=$modules,jdk.jfr,jdk.management,java.management,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata
echo "jlink: a trimmed Java runtime ($jdk)…"
"$JLINK" --add-modules "$modules" --include-locales=en,vi --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$stage/usr/lib/giadinhso-hub/runtime"
# java.desktop brings AWT's X11, sound and splash-screen libraries; the hub is headless (QR PNGs,
# PDFs) and never loads them. Dropping them, as Debian's own openjdk-17-jre-headless does, keeps X11
# and ALSA out of the package's dependencies.
rm -f "$stage/usr/lib/giadinhso-hub/runtime/lib/"{libawt_xawt.so,libsplashscreen.so,libjsound.so}

install -m 0644 "$jar" "$stage/usr/lib/giadinhso-hub/giadinhso-hub.jar"
install -m 0755 "$here/nightly-backup" "$stage/usr/lib/giadinhso-hub/nightly-backup"
install -D -m 0755 "$here/giadinhso-hub" "$stage/usr/bin/giadinhso-hub"
install -d -m 0755 "$stage/lib/systemd/system"
install -m 0644 "$here"/systemd/giadinhso-hub.service "$here"/systemd/giadinhso-hub-backup.service \
  "$here"/systemd/giadinhso-hub-backup.timer "$stage/lib/systemd/system/"
install -d -m 0750 "$stage/etc/giadinhso"
install -m 0640 "$here/hub.conf" "$stage/etc/giadinhso/hub.conf"
install -D -m 0644 "$here/README.md" "$stage/usr/share/doc/giadinhso-hub/README.md"
install -m 0644 "$here/hub.conf" "$stage/usr/share/doc/giadinhso-hub/hub.conf.example"

install -d -m 0755 "$stage/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed "s/@VERSION@/$debversion/; s/@INSTALLED_SIZE@/$size/" "$here/debian/control" > "$stage/DEBIAN/control"
install -m 0644 "$here/debian/conffiles" "$stage/DEBIAN/conffiles"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$stage/DEBIAN/"

# --root-owner-group: every file root:root without fakeroot; postinst gives /etc/giadinhso its group.
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
echo "built $out ($(du -h "$out" | cut -f1))"
