package org.planmap.http;

import java.util.Arrays;
import org.planmap.render.OverviewWarmer;
import org.planmap.render.TileGrid;
import org.planmap.render.Tiles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One tile as an HTTP answer, for every door that serves tiles (the viewer's XYZ URL and WMTS): the same PNG
 * bytes from the one tile cache, the same entity tag, the same revalidation rule.
 */
public final class TileResponse {

    private TileResponse() {
    }

    /** The tile {@code z/x/y} of the grid (already checked to exist), or 304 when {@code ifNoneMatch} names its tag. */
    public static ResponseEntity<byte[]> of(Tiles tiles, OverviewWarmer overviews, String layerId, TileGrid grid, int z,
            int x, int y, String ifNoneMatch) {
        // Revalidation costs a catalog read, not a drawing: the tag is the layer version and the address.
        String etag = tiles.etag(layerId, grid, z, x, y);
        overviews.layerSeen(layerId);
        CacheControl revalidate = CacheControl.noCache().cachePublic();
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip).anyMatch(etag::equals)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(revalidate).build();
        }
        Tiles.Tile tile = tiles.tile(layerId, grid, z, x, y);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag(tile.etag()).cacheControl(revalidate)
                .body(tile.png());
    }
}
