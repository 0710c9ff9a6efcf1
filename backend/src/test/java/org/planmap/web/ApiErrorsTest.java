package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planmap.store.StoreUnavailableException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiErrorsTest {

    @Test
    void anUnreachableStoreIs503WithARetryHintAndNoInternals() {
        ResponseEntity<ProblemDetail> r = new ApiErrors().storeUnavailable(
                new StoreUnavailableException("could not read: the database is unreachable (jdbc:postgresql://db/x)", null));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(r.getBody().getDetail()).isEqualTo("数据库暂时无法连接，请稍后再试");
        assertThat(r.getBody().getProperties()).containsEntry("code", "store-unavailable");
        assertThat(r.getBody().toString()).doesNotContain("jdbc:");
    }
}
