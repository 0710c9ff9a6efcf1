#!/bin/sh
# Regenerates the importer fixtures from the project's county boundaries with GDAL's command-line tools.
# Run from this directory: sh make-fixtures.sh   (needs gdal-bin and zip; see README.md)
set -eu
SRC=../../../../../data/boundaries/counties.geojson
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export TZ=UTC
# 孝义市 141181, 汾阳市 141182, 介休市 140781; simplified (≈ 100 m) so the fixtures stay small.
SEL="SELECT adcode, name, kind, cityName, areaKm2, CAST(adcode AS integer) AS code, (kind = '县级市') AS citylevel, ST_SimplifyPreserveTopology(geometry, 0.001) AS geometry FROM \"山西省县级行政区 Shanxi county-level units\" WHERE adcode IN ('141181','141182','140781') ORDER BY adcode DESC"
ogr2ogr -f GeoJSON "$W/three.geojson" "$SRC" -dialect SQLite -sql "$SEL" -nln three

# 1. GBK .dbf with its .cpg, EPSG:4546 (CM 111E), ESRI .prj (ogr2ogr's default for shapefiles).
mkdir "$W/gbk"
ogr2ogr -f "ESRI Shapefile" "$W/gbk/counties.shp" "$W/three.geojson" -t_srs EPSG:4546 -lco ENCODING=GBK -nln counties
(cd "$W/gbk" && rm -f ../../shp-gbk-4546.zip && zip -X -q "$OLDPWD/shp-gbk-4546.zip" counties.*)

# 2. UTF-8 .dbf without .cpg, EPSG:4490, inside a folder of the zip.
mkdir -p "$W/utf8/县界"
ogr2ogr -f "ESRI Shapefile" "$W/utf8/县界/counties.shp" "$W/three.geojson" -a_srs EPSG:4490 -lco ENCODING=UTF-8 -nln counties
rm "$W/utf8/县界/counties.cpg"
(cd "$W/utf8" && zip -X -q -r "$OLDPWD/shp-utf8-nocpg.zip" 县界)

# 3. No .prj (EPSG:4546 coordinates, but nothing says so).
mkdir "$W/noprj"
cp "$W/gbk/counties."* "$W/noprj/" && rm "$W/noprj/counties.prj"
(cd "$W/noprj" && zip -X -q "$OLDPWD/shp-noprj.zip" counties.*)

# 4. Polygons with holes, written with Z (PolygonZ, type 15): a square with a square hole, and a
#    two-part multipolygon whose first part has a hole with an island inside it.
mkdir "$W/hole"
ogr2ogr -f "ESRI Shapefile" "$W/hole/hole.shp" hole.geojson -dim XYZ -a_srs EPSG:4546 -lco ENCODING=UTF-8
(cd "$W/hole" && zip -X -q "$OLDPWD/shp-hole-z.zip" hole.*)

# 5. Points (type 1) and lines (PolyLine, type 3) of the same counties, EPSG:4546.
mkdir "$W/pt" "$W/ln"
ogr2ogr -f "ESRI Shapefile" "$W/pt/points.shp" "$W/three.geojson" -t_srs EPSG:4546 -lco ENCODING=UTF-8 -nln points \
  -dialect SQLite -sql "SELECT adcode, name, ST_PointOnSurface(geometry) AS geometry FROM three"
ogr2ogr -f "ESRI Shapefile" "$W/ln/lines.shp" "$W/three.geojson" -t_srs EPSG:4546 -lco ENCODING=UTF-8 -nln lines \
  -nlt MULTILINESTRING -dialect SQLite -sql "SELECT adcode, name, ST_Boundary(geometry) AS geometry FROM three"
(cd "$W/pt" && zip -X -q "$OLDPWD/shp-points.zip" points.*)
(cd "$W/ln" && zip -X -q "$OLDPWD/shp-lines.zip" lines.*)

# 6. GeoPackage in EPSG:4547 (CM 114E), and one written by NGA's library is made by the test itself.
rm -f gpkg-4547.gpkg
ogr2ogr -f GPKG gpkg-4547.gpkg "$W/three.geojson" -t_srs EPSG:4547 -nln counties

# 7. GeoJSON with the legacy (2008) "crs" member, EPSG:4547.
rm -f legacy-crs-4547.geojson
ogr2ogr -f GeoJSON legacy-crs-4547.geojson "$W/three.geojson" -t_srs EPSG:4547 -lco COORDINATE_PRECISION=2 -nln counties

ogr2ogr --version > gdal-version.txt
