package org.planmap.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Layer versions ({@code --planmap.versions.*}): every import, delete, restore and regenerated demonstration of a
 * control line keeps the layer's previous contents as a version.
 *
 * @param keep    how many versions of each layer are kept (the current one always); older ones are pruned
 * @param visible whether anonymous visitors may list versions and read their features (the option is named
 *                {@code planmap.versions.public}); signed-in users always may, and nobody but admins reads the audit log
 */
@ConfigurationProperties("planmap.versions")
public record VersionProperties(@DefaultValue("20") int keep, @Name("public") @DefaultValue("true") boolean visible) {

    public VersionProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("planmap.versions.keep must be at least 1, not " + keep);
        }
    }
}
