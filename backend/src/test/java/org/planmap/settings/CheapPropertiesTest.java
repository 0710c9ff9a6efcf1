package org.planmap.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How many cheap requests are worked on at once: one per core unless the operator says otherwise. */
class CheapPropertiesTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Binds {@code planmap.cheap.*} from {@code settings} as the server does at start. */
    private static CheapProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("planmap.cheap",
                CheapProperties.class);
    }

    @Test
    void onePerCoreByDefault() {
        CheapProperties cheap = bind(Map.of());
        assertThat(cheap.atOnce()).isEqualTo(CORES);
        assertThat(cheap.queue()).isEqualTo(1024);
    }

    @Test
    void theOperatorsSettingWins() {
        // Not the core count, so that the test cannot pass by coincidence.
        int operators = CORES + 3;
        assertThat(bind(Map.of("planmap.cheap.at-once", Integer.toString(operators))).atOnce()).isEqualTo(operators);
        assertThat(bind(Map.of("planmap.cheap.at-once", "100000")).atOnce()).isEqualTo(100_000);
    }

    @Test
    void aNegativeSettingIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("planmap.cheap.at-once", "-1"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("planmap.cheap.at-once");
    }
}
