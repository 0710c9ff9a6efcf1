package org.planmap.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.planmap.boundary.AdminUnit;

/**
 * The cards of the 117 county-level units, assembled once from the directory, the plan tables and the
 * documents, so that a viewer shows one document instead of joining three answers itself.
 */
public final class CountyCards {

    /** The city whose 2021 task list is seed 000; its units' cards carry the tasks. */
    public static final String TASK_LIST_CITY = "141100";

    /** Passages quoted on the card (no unit is named in more than four); the rest are a click away in the reader. */
    static final int EXCERPTS = 3;
    /** Characters of context kept before and after the first mention. */
    static final int BEFORE = 40;
    static final int AFTER = 80;

    private final Map<String, CountyCard> byAdcode;

    /** @param boundarySource where the boundaries the directory was made of come from, as the card foot names it */
    public CountyCards(CountyDirectory directory, PlanTables tables, PlanDocuments documents, String boundarySource) {
        this.byAdcode = directory.all().stream()
                .map(c -> card(c, tables, documents, boundarySource))
                .collect(Collectors.toUnmodifiableMap(CountyCard::adcode, Function.identity()));
    }

    public Optional<CountyCard> of(String adcode) {
        return Optional.ofNullable(byAdcode.get(adcode));
    }

    private static CountyCard card(County c, PlanTables tables, PlanDocuments documents, String boundarySource) {
        TierEntry entry = tables.cityTiers().stream().filter(t -> t.tier() == c.tier()).findFirst().orElseThrow();
        CountyCard.Tier tier = new CountyCard.Tier(c.tier(), c.tierPopulation(), c.tierBasis(), c.tierBasis().label(),
                c.tierSeedName(), documents.cite(entry.source()));
        List<CountyCard.PlaceRef> regions = tables.regions().stream()
                .filter(r -> r.members().contains(c.cityName()))
                .map(r -> new CountyCard.PlaceRef(r.id(), r.name(), r.kind().label()))
                .toList();
        List<CountyCard.Target> targets = tables.urbanizationTargets().stream()
                .filter(t -> t.cityAdcode().equals(c.cityAdcode()))
                .map(t -> new CountyCard.Target(t.city(), t.urbanizationRate2025(), t.direction(),
                        documents.cite(t.source())))
                .toList();
        List<CountyCard.Task> tasks = c.cityAdcode().equals(TASK_LIST_CITY)
                ? documents.luliangTasks().stream().map(t -> task(t, documents)).toList() : List.of();
        return new CountyCard(c.adcode(), c.name(), c.planName(), c.kind(),
                new CountyCard.PlaceRef(c.cityAdcode(), c.cityName(), "地级市"), c.areaKm2(), tier,
                groups(c.adcode(), documents.townGroups()), regions, targets, passages(c.adcode(), documents), tasks,
                boundarySource);
    }

    private static List<CountyCard.GroupMembership> groups(String adcode, List<ResolvedTownGroup> groups) {
        List<CountyCard.GroupMembership> found = new ArrayList<>();
        for (ResolvedTownGroup g : groups) {
            if (g.core().stream().map(AdminUnit::adcode).anyMatch(adcode::equals)) {
                found.add(membership(g.group(), "core", "核心"));
            } else if (g.radiated().stream().map(AdminUnit::adcode).anyMatch(adcode::equals)) {
                found.add(membership(g.group(), "radiated", "辐射带动"));
            }
        }
        return found;
    }

    private static CountyCard.GroupMembership membership(TownGroup g, String role, String roleText) {
        return new CountyCard.GroupMembership(g.id(), g.name(), g.pattern(), role, roleText);
    }

    private static CountyCard.PassageSummary passages(String adcode, PlanDocuments documents) {
        List<PassageIndex.PassageMention> all = documents.passages(adcode).orElseThrow().passages();
        return new CountyCard.PassageSummary(all.size(),
                all.stream().limit(EXCERPTS).map(m -> excerpt(m, documents)).toList());
    }

    /** The passage from a little before its first mention, with every mention inside the excerpt marked. */
    private static CountyCard.Excerpt excerpt(PassageIndex.PassageMention mention, PlanDocuments documents) {
        SeedPassage p = mention.passage();
        PassageIndex.TermHit first = mention.hits().get(0);
        int from = Math.max(0, first.start() - BEFORE);
        int to = Math.min(p.text().length(), first.end() + AFTER);
        String lead = from > 0 ? "…" : "";
        String text = lead + p.text().substring(from, to) + (to < p.text().length() ? "…" : "");
        int shift = lead.length() - from;
        List<CountyCard.Mark> marks = mention.hits().stream()
                .filter(h -> h.start() >= from && h.end() <= to)
                .map(h -> new CountyCard.Mark(h.start() + shift, h.end() + shift))
                .distinct()
                .toList();
        return new CountyCard.Excerpt(new Citation(p.document(), documents.titleOf(p.document()), p.heading()),
                p.start(), p.kind(), text, marks);
    }

    private static CountyCard.Task task(LuliangTask t, PlanDocuments documents) {
        Citation source = new Citation(LuliangTasks.SEED, documents.titleOf(LuliangTasks.SEED), t.part() + " " + t.label());
        return new CountyCard.Task(t.number(), t.label(), t.title(),
                t.targets().stream().map(LuliangTask.Target::clause).toList(), t.departments(), source, t.start());
    }
}
