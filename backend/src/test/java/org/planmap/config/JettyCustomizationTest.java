package org.planmap.config;

import org.planmap.settings.CheapProperties;
import org.planmap.settings.SecurityProperties;
import org.planmap.settings.ExpensiveProperties;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planmap.security.ResponseHeaders;
import org.planmap.web.ExpensiveRequests;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.mock.env.MockEnvironment;

/** The selector threads: one per core unless the operator said otherwise. */
class JettyCustomizationTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Not the core count, so that neither test can pass by coincidence. */
    private static final int OPERATORS = CORES + 3;

    private static final SecurityProperties SECURITY = new SecurityProperties(null, null, List.of(),
            DataSize.ofKilobytes(1));

    private static int selectors(MockEnvironment environment) {
        JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
        factory.setSelectors(OPERATORS); // as Spring Boot's own customizer sets it from the property, before ours
        ResponseHeaders headers = new ResponseHeaders("default-src 'self'");
        ExpensiveRequests expensive = new ExpensiveRequests(new ExpensiveProperties(2, 32, Duration.ofSeconds(5), 1000,
                262_144, Duration.ofMillis(200)), headers, id -> Long.MAX_VALUE);
        new JettyCustomization(new DefaultListableBeanFactory().getBeanProvider(org.planmap.encode.CachedLayers.class),
                expensive, new CheapProperties(16, 1024), headers, SECURITY, environment).customize(factory);
        return factory.getSelectors();
    }

    @Test
    void onePerCoreByDefault() {
        assertThat(selectors(new MockEnvironment())).isEqualTo(CORES);
    }

    @Test
    void theOperatorsSettingWins() {
        assertThat(selectors(new MockEnvironment().withProperty(JettyCustomization.SELECTORS, Integer.toString(OPERATORS))))
                .isEqualTo(OPERATORS);
    }
}
