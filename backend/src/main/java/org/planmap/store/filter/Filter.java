package org.planmap.store.filter;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 filter (OGC 21-065) as planmap answers it: the basic comparisons, the advanced ones (LIKE, IN, BETWEEN),
 * IS NULL, AND/OR/NOT and S_INTERSECTS of the layer's geometry with a literal geometry. Whichever encoding it came
 * in ({@link Cql2Text}, {@link Cql2Json}), the stores translate this one tree to SQL ({@link SqlWhere}) and the
 * resident layers evaluate it in Java ({@link FilterPredicate}), so the three agree.
 *
 * <p>Every predicate compares a property with literals: literals are {@link String}, {@link Long}, {@link Double}
 * or {@link Boolean}. A predicate over a property that is null is unknown, as in SQL, and NOT of unknown is
 * unknown, so {@code NOT name = 'x'} does not select features without a name.
 */
public sealed interface Filter {

    /** The name CQL2 and the queryables give the layer's geometry. */
    String GEOMETRY = "geometry";

    /** The values of {@code filter-lang}; the first is the default. */
    List<String> LANGUAGES = List.of("cql2-text", "cql2-json");

    /**
     * The {@code filter} parameter in the encoding {@code filter-lang} names (null or blank: cql2-text); null when
     * there is no filter.
     */
    static Filter parse(String text, String language) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lang = language == null || language.isBlank() ? LANGUAGES.get(0) : language.strip();
        if (lang.equals("cql2-text")) {
            return Cql2Text.parse(text);
        }
        if (lang.equals("cql2-json")) {
            return Cql2Json.parse(text);
        }
        throw new FilterException("filter-lang 应为 cql2-text 或 cql2-json，而非 " + lang,
                "filter-lang is cql2-text or cql2-json, not " + lang);
    }

    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter);
        }
    }

    /** {@code property op value}; a comparison written literal first is turned round when parsed. */
    record Compare(String property, Op op, Object value) implements Filter {
        public Compare {
            Objects.requireNonNull(property);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value);
        }
    }

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String sql;

        Op(String sql) {
            this.sql = sql;
        }

        /** The operator written {@code symbol} ({@code =}, {@code <>}, …), or null. */
        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.sql.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }

        /** The operator that says the same with its operands swapped ({@code 5 < x} is {@code x > 5}). */
        Op swapped() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    /** CQL2 LIKE: case-sensitive, {@code %} any run, {@code _} one character, {@code \} escapes the next. */
    record Like(String property, String pattern) implements Filter {
        public Like {
            Objects.requireNonNull(property);
            Objects.requireNonNull(pattern);
        }
    }

    record In(String property, List<Object> values) implements Filter {
        public In {
            Objects.requireNonNull(property);
            values = List.copyOf(values);
        }
    }

    /** Inclusive at both ends, as SQL's BETWEEN. */
    record Between(String property, Object low, Object high) implements Filter {
        public Between {
            Objects.requireNonNull(property);
            Objects.requireNonNull(low);
            Objects.requireNonNull(high);
        }
    }

    record IsNull(String property) implements Filter {
        public IsNull {
            Objects.requireNonNull(property);
        }
    }

    /**
     * The feature's geometry intersects {@code geometry} (longitude, latitude; CRS84). A feature without a geometry
     * intersects nothing: false, not unknown, in every store.
     */
    record Intersects(Geometry geometry) implements Filter {
        public Intersects {
            Objects.requireNonNull(geometry);
            geometry = geometry.copy();   // JTS geometries are mutable: keep a copy of our own
        }
    }
}
