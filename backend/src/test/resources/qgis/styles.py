"""What headless QGIS makes of planmap's files and services: for each layer source given, whether it opens, the
renderer QGIS loaded by itself (a GeoPackage's layer_styles default, a Shapefile's .qml), the renderer an SLD file
gives it when one follows after ::, and the values of the list properties' text twins (fields ending in Text).
A source starting with oapif: is an OGC API - Features URI for QGIS's OAPIF provider, any other one a file for OGR.
Prints one JSON object per argument. Usage: styles.py SOURCE[::SLD] ... (with QT_QPA_PLATFORM=offscreen)."""
import json
import os
import sys

from qgis.core import NULL, QgsApplication, QgsVectorLayer


def renderer(layer):
    r = layer.renderer()
    out = {"type": r.type()}
    if r.type() == "categorizedSymbol":
        out["attr"] = r.classAttribute()
        out["categories"] = [{"value": c.value(), "label": c.label(), "colour": c.symbol().color().name(),
                              "alpha": c.symbol().color().alpha()} for c in r.categories()]
    elif r.type() == "RuleRenderer":
        out["rules"] = [{"filter": rule.filterExpression(), "colour": rule.symbol().color().name() if rule.symbol() else None}
                        for rule in r.rootRule().descendants()]
    elif r.type() == "singleSymbol":
        out["colour"] = r.symbol().color().name()
    return out


def main(args):
    app = QgsApplication([], False)
    app.initQgis()
    for arg in args:
        source, _, sld = arg.partition("::")
        if source.startswith("oapif:"):
            layer = QgsVectorLayer(source[len("oapif:"):], "layer", "OAPIF")
        else:
            layer = QgsVectorLayer(source, "layer", "ogr")
        result = {"source": source, "valid": layer.isValid()}
        if layer.isValid():
            result["features"] = layer.featureCount()
            result["renderer"] = renderer(layer)
            twins = [f.name() for f in layer.fields() if f.name().endswith("Text")]
            result["textTwins"] = {name: [None if f[name] is None or f[name] == NULL else f[name]
                                          for f in layer.getFeatures()] for name in twins}
            if sld:
                message, ok = layer.loadSldStyle(sld)
                result["sld"] = {"ok": ok, "message": message, "renderer": renderer(layer)}
        print(json.dumps(result, ensure_ascii=False), flush=True)
    # Headless QGIS 3.22 often crashes while tearing itself down (exit 139 after exitQgis()); everything asked is
    # printed by now, so leave without the teardown and let a non-zero exit mean a real failure.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
