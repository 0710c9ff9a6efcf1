#!/usr/bin/env bash
# Regenerates the CRS fixtures with GDAL's command-line tools (Debian gdal-bin). The tests read the
# committed files only; they never call GDAL. See README.md for what each file is and the GDAL version.
set -euo pipefail
cd "$(dirname "$0")"
export OGR_CT_FORCE_TRADITIONAL_GIS_ORDER=YES   # x = longitude/easting everywhere (see README)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p esri ogc

# .prj as a real tool writes it: ogr2ogr creating a one-point shapefile in each CRS (ESRI WKT1, one line),
# and GDAL's OGC WKT1 (with AUTHORITY) as gdalsrsinfo prints it.
for code in 4326 4490 4546 4547 4525 4526 3857 4534 4554 4513 4533 \
            32633 2154 3395 4214 2434 2382 4491; do
  echo '{"type":"Point","coordinates":[0,0]}' > "$tmp/p.geojson"
  ogr2ogr -f "ESRI Shapefile" -a_srs "EPSG:$code" "$tmp/s$code.shp" "$tmp/p.geojson"
  cp "$tmp/s$code.prj" "esri/$code.prj"
  gdalsrsinfo -o wkt1 "EPSG:$code" | sed '/^$/d' > "ogc/$code.prj"
done

# A Lambert conformal conic on CGCS2000, as national/provincial overview maps use (no EPSG code; ESRI WKT).
gdalsrsinfo -o wkt_esri --single-line \
  "+proj=lcc +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs" \
  | sed '/^$/d' > esri/cgcs2000-lcc.prj

# Points: lon/lat in EPSG:4326, transformed by gdaltransform to every target; x = easting/longitude.
{
  echo "name,lon,lat,epsg,x,y"
  while IFS=, read -r name lon lat targets; do
    for t in $targets; do
      read -r x y _ < <(echo "$lon $lat" | gdaltransform -output_xy -s_srs EPSG:4326 -t_srs "EPSG:$t")
      echo "$name,$lon,$lat,$t,$x,$y"
    done
  done <<'PTS'
孝义市,111.78,37.14,4490 4546 4525 4547 4526 3857
太原,112.55,37.87,4490 4546 4525 4547 4526 3857
芮城西南,110.25,34.65,4546 4525 3857
天镇东北,114.40,40.40,4547 4526 3857
喀什,75.99,39.47,4534 4513
抚远,134.30,48.36,4554 4533
PTS
} > points.csv
{ gdalinfo --version; dpkg-query -W gdal-bin libproj25 2>/dev/null || true; } > gdal-version.txt
