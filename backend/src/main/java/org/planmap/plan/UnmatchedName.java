package org.planmap.plan;

import java.util.List;

/**
 * A seed name that could not be tied to one place. {@code candidates} holds the adcodes found: none for
 * an unknown name, several for an ambiguous one. {@code context} says where the name was read (a tier
 * label, or a town group and role) and {@code reason} says why it failed.
 */
public record UnmatchedName(String name, String context, List<String> candidates, String reason) {

    public UnmatchedName {
        candidates = List.copyOf(candidates);
    }

    static UnmatchedName of(String name, String context, List<String> candidates) {
        String reason = candidates.isEmpty() ? "no place has this exact name" : "several places have this name";
        return new UnmatchedName(name, context, candidates, reason);
    }
}
