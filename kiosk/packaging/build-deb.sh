#!/usr/bin/env bash
# Builds kiosk/target/giadinhso-kiosk_<version>-1_amd64.deb from the shaded kiosk jar:
#   jdeps (which JDK modules the jar uses) → jlink (a runtime with only those) → jpackage (the
#   launcher, that runtime, the jar and JavaFX's natives: /opt/giadinhso-kiosk) → dpkg-deb (that
#   image, the systemd session unit, its settings file and the maintainer scripts).
# Usage: build-deb.sh [JAR] — JVM options for the launcher from $KIOSK_JVM_OPTIONS (./giadinhso
# package-kiosk passes the launcher's own), version from $KIOSK_VERSION (default: the pom's).
# Needs a JDK 17 (jdeps, jlink, jpackage), dpkg-deb and fakeroot. Takes a few minutes (mostly jlink). See kiosk/packaging/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kiosk=$(dirname "$here")
jar=${1:-$kiosk/target/giadinhso-kiosk.jar}
target=$kiosk/target
work=$target/deb-build
name=giadinhso-kiosk
release=1

for tool in jdeps jlink jpackage dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (JDK 17 for jdeps/jlink/jpackage; apt install dpkg-dev fakeroot)" >&2; exit 3; }
done
[ -f "$jar" ] || { echo "build-deb: $jar is missing: build the jar first (./giadinhso package-kiosk does)" >&2; exit 3; }

if [ -z "${KIOSK_VERSION:-}" ]; then
  KIOSK_VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$kiosk/../pom.xml" | head -n1)
fi
# jpackage takes only digits and dots: 0.1.0-SNAPSHOT is packaged as 0.1.0 (Debian revision 1).
version=${KIOSK_VERSION%-SNAPSHOT}
jvm_options=${KIOSK_JVM_OPTIONS:-}

rm -rf "$work"
mkdir -p "$work/input"
cp "$jar" "$work/input/$name.jar"
# JavaFX's native libraries sit beside the jar: JavaFX loads them from the jar's own directory
# first, so nothing is extracted into the kiosk user's home (~/.openjfx) at run time.
(cd "$work/input" && unzip -q -o "$name.jar" 'lib*.so')
cp -r "$kiosk/../hardware-profiles" "$work/input/hardware-profiles"
cp "$here/README.md" "$work/input/README.md"

# The JDK modules the kiosk's classes use, plus what is looked up by name at run time and so
# invisible to jdeps: jdk.crypto.ec (Ed25519 household cards, X25519 sealed hashes, TLS to the
# hub's https address) and jdk.localedata (Vietnamese dates).
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
modules="$modules,jdk.crypto.ec,jdk.localedata"
echo "build-deb: runtime modules $modules"
jlink --add-modules "$modules" --include-locales=en,vi --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$work/runtime"
echo "build-deb: runtime after ${SECONDS}s"

# The launcher's JVM options: the same as ./giadinhso's (issue 13). -Djavafx.cachedir: should
# JavaFX still extract a library, it goes under the data dir, not into a home the user lacks.
# An app image, not jpackage's own --type deb: JDK 17's deb puts every file under /opt and
# compresses the whole package once more when the unit is added; dpkg-deb packs the image once.
jpackage --type app-image --dest "$work/image" --temp "$work/jpackage-temp" \
  --name "$name" --app-version "$version" --vendor "Gia Đình Số" \
  --input "$work/input" --main-jar "$name.jar" --main-class vn.giadinhso.kiosk.KioskMain \
  --runtime-image "$work/runtime" \
  --java-options "$jvm_options -Djavafx.cachedir=/var/lib/$name/.openjfx -Dfile.encoding=UTF-8"
echo "build-deb: app image after ${SECONDS}s"

# The package: the image under /opt, the session unit and its settings file at their Debian
# paths, the maintainer scripts (system user, data dir, unit enabled at boot).
root=$work/root
mkdir -p "$root/opt" "$root/DEBIAN"
cp -a "$work/image/$name" "$root/opt/$name"
install -D -m 0644 "$here/systemd/$name.service" "$root/lib/systemd/system/$name.service"
install -D -m 0644 "$here/etc/default/$name" "$root/etc/default/$name"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$root/DEBIAN/"
echo "/etc/default/$name" > "$root/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version-$release/" -e "s/@SIZE@/$size/" "$here/debian/control" > "$root/DEBIAN/control"
out=$target/${name}_${version}-${release}_amd64.deb
rm -f "$out"
# gzip, not dpkg-deb's default xz: on a 2-core build machine xz took minutes for 110 MB of runtime
# and jar; the package is ~20 % larger.
fakeroot dpkg-deb --build -Zgzip "$root" "$out" >/dev/null
echo "build-deb: $out ($(du -h "$out" | cut -f1)) in ${SECONDS}s"
