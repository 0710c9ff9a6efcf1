package org.planmap.render;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A dense layer's overview tiles as kept in the store between starts ({@code FeatureStore.derived}): a first line
 * naming the layer's version and what drew the tiles (planmap's classes, data and styles), then one line per tile,
 * its address (grid/z/x/y: {@code w} the viewer's Web Mercator grid, {@code c} the CGCS2000 one) and its PNG in
 * Base64. About 2 MB for the four dense layers; drawing them again took 5–15 CPU-seconds after every restart, while
 * the first requests were being answered.
 */
final class KeptOverview {

    private KeptOverview() {
    }

    /** The key a layer's tiles are kept under. */
    static String key(String layerId) {
        return "overview-tiles/" + layerId;
    }

    static String text(String version, String drawnBy, Map<Tiles.Key, byte[]> tiles) {
        Base64.Encoder base64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder(version).append('\t').append(drawnBy).append('\n');
        tiles.forEach((key, png) -> out.append(key.grid().key()).append('/').append(key.z()).append('/')
                .append(key.x()).append('/').append(key.y()).append('\t').append(base64.encodeToString(png)).append('\n'));
        return out.toString();
    }

    /** The tiles in {@code text} if they are of this version and drawn by the same; empty otherwise (or unreadable). */
    static Optional<Map<Tiles.Key, byte[]>> read(String text, String layerId, String version, String drawnBy) {
        String[] lines = text.split("\n");
        if (!lines[0].equals(version + '\t' + drawnBy)) {
            return Optional.empty();
        }
        Base64.Decoder base64 = Base64.getDecoder();
        Map<Tiles.Key, byte[]> tiles = new LinkedHashMap<>();
        try {
            for (int i = 1; i < lines.length; i++) {
                String[] line = lines[i].split("\t", -1);
                String[] address = line[0].split("/", -1);
                Optional<TileGrid> grid = TileGrid.ofKey(address[0]);
                if (line.length != 2 || address.length != 4 || grid.isEmpty()) {
                    return Optional.empty();
                }
                tiles.put(new Tiles.Key(layerId, version, grid.get(), Integer.parseInt(address[1]),
                        Integer.parseInt(address[2]), Integer.parseInt(address[3])), base64.decode(line[1]));
            }
        } catch (IllegalArgumentException e) {  // NumberFormatException too
            return Optional.empty();
        }
        return Optional.of(tiles);
    }
}
