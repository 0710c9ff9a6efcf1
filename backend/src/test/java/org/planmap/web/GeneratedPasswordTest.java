package org.planmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** A server started without an editor password logs a generated one exactly once, and that one works. */
@ExtendWith(OutputCaptureExtension.class)
// No password (over the shared server's), so this class gets a fresh server whose start the capture sees.
@TestPropertySource(properties = "planmap.security.editor-password=")
class GeneratedPasswordTest extends ServerTest {

    @Test
    void theGeneratedPasswordIsLoggedOnceAndLogsIn(CapturedOutput output) throws Exception {
        Matcher m = Pattern.compile("generated one for this run: 用户 user editor, 密码 password ([A-Za-z0-9]{20})")
                .matcher(output.getAll());
        assertThat(m.find()).as("the WARN line at start").isTrue();
        String password = m.group(1);
        assertThat(output.getAll().split(password, -1)).as("the password appears once in the whole log").hasSize(2);

        Reply login = post("/api/session", "{\"username\":\"editor\",\"password\":\"" + password + "\"}",
                "Content-Type", "application/json");
        assertThat(login.status()).isEqualTo(204);
        assertThat(output.getAll().split(password, -1)).as("and not again after a login").hasSize(2);
    }
}
