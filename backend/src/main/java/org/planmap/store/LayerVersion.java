package org.planmap.store;

import java.time.Instant;

/**
 * One kept version of a layer: its number (1, 2, 3 … per layer, never reused), when it was stored, its note, and
 * the layer as it was then ({@link LayerInfo#version()} its content hash).
 *
 * @param current whether the layer is this version now; at most one version of a layer is, none once the layer is
 *                deleted or was last written without a note
 */
public record LayerVersion(int version, Instant created, VersionNote note, LayerInfo layer, boolean current) {
}
