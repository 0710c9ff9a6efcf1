package org.planmap.ogc;

/** A web link as OGC API documents carry them (RFC 8288 relation, media type, human title). */
public record Link(String href, String rel, String type, String title) {
}
