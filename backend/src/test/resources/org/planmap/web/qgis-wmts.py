# Opens one layer of planmap's WMTS in QGIS (its own WMS/WMTS provider, not GDAL's), as a planner's
# "Add WMS/WMTS Layer" does, draws it at 256 pixels and prints what QGIS made of it.
# Usage: python3 qgis-wmts.py CAPABILITIES_URL LAYER_ID OUT.png   (QT_QPA_PLATFORM=offscreen)
import sys

from qgis.core import QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsRasterLayer
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

url, layer_id, out = sys.argv[1:4]
app = QgsApplication([], False)
app.initQgis()
layer = QgsRasterLayer("crs=EPSG:3857&format=image/png&layers=" + layer_id + "&styles=default"
                       + "&tileMatrixSet=GoogleMapsCompatible&url=" + url, layer_id, "wms")
if not layer.isValid():
    print("invalid: " + layer.error().summary())
    sys.exit(2)
extent = layer.extent()
print("crs: " + layer.crs().authid())
print("extent: %.0f %.0f %.0f %.0f" % (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()))
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
