package org.planmap.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encoded tiles in memory, least recently used out first once their bytes pass {@code maxBytes}. The key
 * holds the layer's version (its content hash), so an import makes every old tile unreachable at once;
 * the stale entries simply age out.
 */
public final class TileCache {

    public record Key(String layerId, String version, int z, int x, int y) {
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Key, byte[]> tiles = new LinkedHashMap<>(1024, 0.75f, true);

    public TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized byte[] get(Key key) {
        return tiles.get(key);
    }

    public synchronized void put(Key key, byte[] png) {
        if (png.length > maxBytes) {
            return;
        }
        byte[] old = tiles.put(key, png);
        bytes += png.length - (old == null ? 0 : old.length);
        var oldest = tiles.entrySet().iterator();
        while (bytes > maxBytes) {
            Map.Entry<Key, byte[]> e = oldest.next();
            bytes -= e.getValue().length;
            oldest.remove();
        }
    }

    public synchronized long bytes() {
        return bytes;
    }
}
