package org.planmap.settings;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may change data, and what the server trusts about a request ({@code --planmap.security.*}).
 *
 * @param editorPassword     the editor's password; without it one is generated at each start and logged once
 * @param publicUrl          the address users reach planmap at ({@code https://gis.example.gov.cn/planmap}); when
 *                           set, every absolute link (OGC API) starts with it whatever {@code Host} a request names
 * @param allowedHosts       without {@code public-url}: the host names a request's {@code Host} may give links
 *                           (besides {@code localhost} and the address the client connected to); any other
 *                           {@code Host} gets links to that address instead
 * @param minRequestDataRate a request body arriving slower than this per second (after a five-second grace) is cut
 *                           off
 */
@ConfigurationProperties("planmap.security")
public record SecurityProperties(String editorPassword, URI publicUrl, @DefaultValue List<String> allowedHosts,
        @DefaultValue("1KB") DataSize minRequestDataRate) {

    /** Like the record's own, without the password. */
    @Override
    public String toString() {
        return "SecurityProperties[editorPassword=" + (editorPassword == null ? "none" : "***") + ", publicUrl="
                + publicUrl + ", allowedHosts=" + allowedHosts + ", minRequestDataRate=" + minRequestDataRate + "]";
    }
}
