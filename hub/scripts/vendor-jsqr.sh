#!/bin/sh
# Vendors the QR decoder the field app runs on the phone: jsQR (Apache-2.0), pinned by version and
# by the npm tarball's integrity hash, so the hub serves its own copy (no CDN) and an update is a
# reviewed change of VERSION and INTEGRITY here. Needs npm (Debian: apt install npm) and network
# access to the npm registry. Run from anywhere: ./hub/scripts/vendor-jsqr.sh
set -eu
VERSION=1.4.0
INTEGRITY='sha512-dxLob7q65Xg2DvstYkRpkYtmKm2sPJ9oFhrhmudT1dZvNFFTlroai3AWSpLey/w5vMcLBXRgOJsbXpdN9HzU/A=='
HERE=$(cd "$(dirname "$0")" && pwd)
TARGET="$HERE/../src/main/resources/web/field/vendor"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "jsqr@$VERSION" >/dev/null
TARBALL="jsqr-$VERSION.tgz"
ACTUAL="sha512-$(openssl dgst -sha512 -binary "$TARBALL" | base64 -w0)"
if [ "$ACTUAL" != "$INTEGRITY" ]; then
  echo "jsqr $VERSION: the tarball's hash $ACTUAL is not the pinned $INTEGRITY; nothing changed" >&2
  exit 1
fi
tar -xzf "$TARBALL"
mkdir -p "$TARGET"
cp package/dist/jsQR.js "$TARGET/jsqr.js"
cp package/LICENSE "$TARGET/jsqr-LICENSE.txt"
printf 'jsqr %s from the npm registry, tarball %s\nfetched by hub/scripts/vendor-jsqr.sh; files: jsqr.js (dist/jsQR.js), jsqr-LICENSE.txt (LICENSE, Apache-2.0)\n' \
  "$VERSION" "$INTEGRITY" > "$TARGET/jsqr-VERSION.txt"
echo "vendored jsqr $VERSION into $TARGET"
