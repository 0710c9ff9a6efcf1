package org.planmap.store;

/** A property of a layer's features and the type it is stored with. */
public record Field(String name, Type type, String description) {

    public enum Type {
        STRING, INTEGER, REAL, BOOLEAN,
        /** Lists and maps, stored as JSON text where the store has no richer type. */
        JSON
    }
}
