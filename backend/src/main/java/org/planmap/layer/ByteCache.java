package org.planmap.layer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encoded answers (tiles, export files) in memory, least recently used out first once their bytes pass
 * {@code maxBytes}. Keys hold the layer's version (its content hash), so an import makes every old entry
 * unreachable at once; the stale entries simply age out.
 */
public final class ByteCache<K> {

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<K, byte[]> entries = new LinkedHashMap<>(1024, 0.75f, true);

    public ByteCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized byte[] get(K key) {
        return entries.get(key);
    }

    /** Keeps {@code value} unless it alone is larger than the whole cache. */
    public synchronized void put(K key, byte[] value) {
        if (value.length > maxBytes) {
            return;
        }
        byte[] old = entries.put(key, value);
        bytes += value.length - (old == null ? 0 : old.length);
        var oldest = entries.entrySet().iterator();
        while (bytes > maxBytes) {
            Map.Entry<K, byte[]> e = oldest.next();
            bytes -= e.getValue().length;
            oldest.remove();
        }
    }

    public synchronized long bytes() {
        return bytes;
    }
}
