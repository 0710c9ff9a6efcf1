package org.planmap.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.planmap.boundary.AdminUnit;

/**
 * Which passages mention which places, with every hit's offsets in the passage text so that a reader can
 * highlight it.
 *
 * <p>A term occurrence counts unless it is a known {@link PlaceCatalog#HAZARDS hazard}, or lies inside a
 * longer hit of the same place (太原 in 太原市) or of an administrative name (绛县 in 新绛县, 岚县 in 岢岚县).
 * Group and region names do not hide the place names they are made of: 太原榆次太谷城市核 mentions 太原,
 * 榆次 and 太谷 too. A town group's members are also credited with the group's own passage, the one its
 * town-groups.csv quote comes from, because the seed often names them there only through the group
 * (忻定原, 盐（湖）—临（猗）—夏（县）); such hits carry the group's id in {@code via}. Other mentions of a
 * group are not passed on to its members.
 */
public final class PassageIndex {

    /** One occurrence of a term in a passage's text; {@code via} is the town group it is credited through, or null. */
    public record TermHit(String term, int start, int end, String via) {
    }

    /** A passage that mentions a place: the distinct terms found and every hit, in text order. */
    public record PassageMention(SeedPassage passage, List<String> terms, List<TermHit> hits) {
    }

    /** A place mentioned in a passage, with its hits in text order. */
    public record PlaceMention(String place, List<TermHit> hits) {
    }

    private record Candidate(Place place, TermHit hit) {

        int length() {
            return hit.end() - hit.start();
        }

        boolean inside(Candidate other) {
            return other.length() > length() && other.hit.start() <= hit.start() && other.hit.end() >= hit.end();
        }
    }

    private final List<SeedPassage> passages;
    private final Map<SeedPassage, Map<String, List<TermHit>>> byPassage = new IdentityHashMap<>();

    public PassageIndex(List<SeedPassage> passages, PlaceCatalog catalog) {
        this.passages = List.copyOf(passages);
        for (SeedPassage passage : this.passages) {
            Map<String, List<TermHit>> places = new LinkedHashMap<>();
            for (Candidate c : hits(passage.text(), catalog.all())) {
                places.computeIfAbsent(c.place().id(), k -> new ArrayList<>()).add(c.hit());
            }
            byPassage.put(passage, places);
        }
        for (ResolvedTownGroup group : catalog.townGroups()) {
            creditMembers(group);
        }
    }

    /** Every passage that mentions the place, in document order. */
    public List<PassageMention> passagesMentioning(String placeId) {
        List<PassageMention> found = new ArrayList<>();
        for (SeedPassage passage : passages) {
            List<TermHit> hits = byPassage.get(passage).get(placeId);
            if (hits != null) {
                found.add(new PassageMention(passage, hits.stream().map(TermHit::term).distinct().toList(), hits));
            }
        }
        return found;
    }

    /** The places a passage mentions: those it names, in the catalog's order, then members credited via a group. */
    public List<PlaceMention> placesIn(SeedPassage passage) {
        Map<String, List<TermHit>> places = byPassage.get(passage);
        if (places == null) {
            throw new IllegalArgumentException("not an indexed passage: " + passage.heading());
        }
        return places.entrySet().stream().map(e -> new PlaceMention(e.getKey(), e.getValue())).toList();
    }

    private static List<Candidate> hits(String text, List<Place> places) {
        List<Candidate> all = new ArrayList<>();
        for (Place place : places) {
            for (String term : place.terms()) {
                for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                    int start = at;
                    boolean hazard = PlaceCatalog.HAZARDS.stream()
                            .anyMatch(h -> h.term().equals(term) && h.matches(text, start));
                    if (!hazard) {
                        all.add(new Candidate(place, new TermHit(term, at, at + term.length(), null)));
                    }
                }
            }
        }
        return all.stream()
                .filter(c -> all.stream().noneMatch(o -> c.inside(o)
                        && (o.place() == c.place() || o.place().kind().administrative())))
                .sorted(Comparator.comparingInt((Candidate c) -> c.hit().start()))
                .toList();
    }

    private void creditMembers(ResolvedTownGroup resolved) {
        TownGroup group = resolved.group();
        String quoteStart = SeedPassages.clean(group.sourceQuote().split(SeedDocument.ELLIPSIS, -1)[0]);
        SeedPassage own = passages.stream()
                .filter(p -> p.document().equals(group.source().document()) && p.text().contains(quoteStart))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no passage holds the quote of town group " + group.id()));
        Map<String, List<TermHit>> places = byPassage.get(own);
        List<TermHit> groupHits = places.getOrDefault(group.id(), List.of()).stream()
                .map(h -> new TermHit(h.term(), h.start(), h.end(), group.id()))
                .toList();
        if (groupHits.isEmpty()) {
            throw new IllegalStateException("town group " + group.id() + " is not named in its own passage");
        }
        for (AdminUnit member : Stream.concat(resolved.core().stream(), resolved.radiated().stream()).toList()) {
            List<TermHit> hits = places.computeIfAbsent(member.adcode(), k -> new ArrayList<>());
            hits.addAll(groupHits);
            hits.sort(Comparator.comparingInt(TermHit::start));
        }
    }
}
