package org.planmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md on the compiled classes: the domain ({@code boundary}, {@code plan},
 * {@code controlline}) makes layers and the road ({@code crs}, {@code store}, {@code layer}, then
 * {@code importer}, {@code encode}, {@code render}) carries any layer, both without Spring or HTTP; the road flows
 * one way and knows no domain; the edge ({@code http}, {@code web}, {@code ogc}, {@code security},
 * {@code settings}, {@code config}) depends inwards, {@code web} and {@code ogc} share {@code http}'s error type
 * and parameter parser instead of each other, and only {@code config} wires the whole. No package cycles.
 */
class ArchitectureTest {

    static final String[] DOMAIN = {"..planmap.boundary..", "..planmap.plan..", "..planmap.controlline..",
            "..planmap.review..", "..planmap.atlas.."};
    static final String[] ROAD = {"..planmap.crs..", "..planmap.store..", "..planmap.layer..", "..planmap.style..",
            "..planmap.importer..", "..planmap.encode..", "..planmap.render.."};
    /** Spring and the servlet/Jetty HTTP stack; JSON (Jackson), JTS, Proj4J and NGA are libraries the road may use. */
    static final String[] FRAMEWORKS = {"org.springframework..", "jakarta.servlet..", "org.eclipse.jetty.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Spring AOT's generated bean definitions (Foo__BeanDefinitions, compiled into target/classes by the
        // package phase's process-aot) wire every package by construction: build output, not planmap's design.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__"))
                .importPackages("org.planmap");
    }

    /**
     * archunit.properties imports only planmap's classes and knows the others by name: a rule about them must still
     * see planmap's dependencies on them, as it does here on the configuration's use of Spring.
     */
    @Test
    void outsideClassesAreKnownByName() {
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("..planmap.config..").should()
                .dependOnClassesThat().resideInAPackage("org.springframework..").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("org.springframework.context.annotation.Bean");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.planmap.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainAndRoadKnowNoFrameworkNorHttp() {
        noClasses().that().resideInAnyPackage(concat(DOMAIN, ROAD)).should().dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS).check(classes);
    }

    /** Accounts and the audit log are plain JDBC records that any part may use and that use no other part. */
    @Test
    void accountsStandAlone() {
        noClasses().that().resideInAPackage("..planmap.account..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(FRAMEWORKS, concat(DOMAIN, concat(ROAD, edge())))).check(classes);
    }

    @Test
    void theRoadKnowsNoDomainNorEdge() {
        noClasses().that().resideInAnyPackage(ROAD).should().dependOnClassesThat()
                .resideInAnyPackage(concat(DOMAIN, edge())).check(classes);
    }

    /**
     * crs ← store ← layer ← style ← {importer, encode, render}: each step uses only the ones before it. The style file
     * is read by both the renderer and the encoders, so it comes before them.
     */
    @Test
    void theRoadFlowsOneWay() {
        noClasses().that().resideInAPackage("..planmap.crs..").should().dependOnClassesThat()
                .resideInAnyPackage(without(ROAD, "..planmap.crs..")).check(classes);
        noClasses().that().resideInAPackage("..planmap.store..").should().dependOnClassesThat()
                .resideInAnyPackage("..planmap.layer..", "..planmap.style..", "..planmap.importer..",
                        "..planmap.encode..", "..planmap.render..").check(classes);
        noClasses().that().resideInAPackage("..planmap.layer..").should().dependOnClassesThat()
                .resideInAnyPackage("..planmap.style..", "..planmap.importer..", "..planmap.encode..",
                        "..planmap.render..").check(classes);
        noClasses().that().resideInAPackage("..planmap.style..").should().dependOnClassesThat()
                .resideInAnyPackage("..planmap.importer..", "..planmap.encode..", "..planmap.render..").check(classes);
        for (String last : List.of("..planmap.importer..", "..planmap.encode..", "..planmap.render..")) {
            noClasses().that().resideInAPackage(last).should().dependOnClassesThat()
                    .resideInAnyPackage(without(new String[] {"..planmap.importer..", "..planmap.encode..",
                            "..planmap.render.."}, last)).check(classes);
        }
    }

    /** boundary ← plan ← controlline. */
    @Test
    void theDomainBuildsUpInOrder() {
        noClasses().that().resideInAPackage("..planmap.boundary..").should().dependOnClassesThat()
                .resideInAnyPackage("..planmap.plan..", "..planmap.controlline..").check(classes);
        noClasses().that().resideInAPackage("..planmap.plan..").should().dependOnClassesThat()
                .resideInAPackage("..planmap.controlline..").check(classes);
        noClasses().that().resideInAnyPackage(DOMAIN).should().dependOnClassesThat()
                .resideInAnyPackage(edge()).check(classes);
    }

    @Test
    void webAndOgcShareHttpNotEachOther() {
        noClasses().that().resideInAPackage("..planmap.web..").should().dependOnClassesThat()
                .resideInAPackage("..planmap.ogc..").check(classes);
        noClasses().that().resideInAPackage("..planmap.ogc..").should().dependOnClassesThat()
                .resideInAPackage("..planmap.web..").check(classes);
        noClasses().that().resideInAnyPackage("..planmap.http..", "..planmap.security..", "..planmap.settings..")
                .should().dependOnClassesThat().resideInAnyPackage("..planmap.web..", "..planmap.ogc..")
                .check(classes);
    }

    @Test
    void onlyConfigurationWiresTheWhole() {
        noClasses().that().resideOutsideOfPackages("..planmap.config..").and().doNotHaveSimpleName("PlanmapApplication")
                .should().dependOnClassesThat().resideInAPackage("..planmap.config..").check(classes);
    }

    /**
     * A CQL2 filter is evaluated in Java only on the resident copy of a small layer, which is in memory anyway;
     * everywhere else it goes to the store's SQL. A store, the layer service, an encoder or an endpoint that read
     * every feature and tested each with {@code FilterPredicate} would be the full load issue 16 forbids.
     */
    @Test
    void onlyTheResidentCopyEvaluatesFiltersInJava() {
        noClasses().that().resideOutsideOfPackage("..planmap.store.filter..")
                .and().doNotBelongToAnyOf(org.planmap.layer.ResidentLayers.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("org.planmap.store.filter.FilterPredicate")
                .check(classes);
    }

    private static String[] edge() {
        return new String[] {"..planmap.http..", "..planmap.web..", "..planmap.ogc..", "..planmap.security..",
                "..planmap.settings..", "..planmap.config.."};
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static String[] without(String[] all, String one) {
        return List.of(all).stream().filter(p -> !p.equals(one)).toArray(String[]::new);
    }
}
