# Opens one layer of planmap's WMTS in QGIS (its own WMS/WMTS provider, not GDAL's), as a planner's
# "Add WMS/WMTS Layer" does, draws it at 256 pixels and prints what QGIS made of it.
# Usage: python3 qgis-wmts.py CAPABILITIES_URL LAYER_ID TILE_MATRIX_SET CRS OUT.png   (QT_QPA_PLATFORM=offscreen)
# e.g. ... counties GoogleMapsCompatible EPSG:3857 out.png, or ... counties c EPSG:4490 out.png
import sys

from qgis.core import QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsRasterLayer
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

url, layer_id, matrix_set, crs, out = sys.argv[1:6]
app = QgsApplication([], False)
app.initQgis()
layer = QgsRasterLayer("crs=" + crs + "&format=image/png&layers=" + layer_id + "&styles=default"
                       + "&tileMatrixSet=" + matrix_set + "&url=" + url, layer_id, "wms")
if not layer.isValid():
    print("invalid: " + layer.error().summary())
    sys.exit(2)
extent = layer.extent()
print("crs: " + layer.crs().authid())
print("extent: %.6f %.6f %.6f %.6f" % (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()))
settings = QgsMapSettings()
settings.setLayers([layer])
settings.setDestinationCrs(layer.crs())
settings.setExtent(extent)
settings.setOutputSize(QSize(256, 256))
settings.setBackgroundColor(QColor(0, 0, 0, 0))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
for error in job.errors():
    print("error: " + error.message)
job.renderedImage().save(out, "PNG")
print("metadata: " + layer.htmlMetadata().replace("\n", " "))
app.exitQgis()
