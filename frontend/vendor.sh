#!/usr/bin/env bash
# Installs the viewer's npm libraries from the pinned lock file and copies the files the browser loads into
# the jar's static resources under /vendor/. Run by Maven (exec-maven-plugin, generate-resources); by hand:
#   frontend/vendor.sh OUTPUT_DIR
# npm ci runs only when the lock file changed since the last install, so a rebuild costs nothing.
set -euo pipefail
cd "$(dirname "$0")"
out=${1:?usage: vendor.sh OUTPUT_DIR}
if ! command -v npm >/dev/null 2>&1; then
  echo "planmap frontend: npm is missing. The viewer's drawing and measuring libraries are installed with the" >&2
  echo "machine's own Node.js/npm (Debian: apt-get install nodejs npm); then build again." >&2
  exit 1
fi
if ! cmp -s package-lock.json node_modules/.planmap-lock 2>/dev/null; then
  npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
  cp package-lock.json node_modules/.planmap-lock
fi
copy() { mkdir -p "$out/$2" && cp "node_modules/$1" "$out/$2/"; }
copy @geoman-io/leaflet-geoman-free/dist/leaflet-geoman.min.js geoman
copy @geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css geoman
copy @geoman-io/leaflet-geoman-free/LICENSE geoman
copy geographiclib-geodesic/geographiclib-geodesic.min.js geographiclib
copy geographiclib-geodesic/LICENSE.txt geographiclib
