package id.siaga.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.siaga.security.ContentSecurityPolicy;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What every answer tells the browser: a Content-Security-Policy that allows nothing inline and nothing from elsewhere
 * and no framing, Referrer-Policy, nosniff; over HTTPS also HSTS and a {@code Secure} CSRF cookie, over plain HTTP
 * neither. Whether the consoles really pass under the policy is for the browser tests, which fail on any violation
 * their pages' consoles report ({@code Browser.close}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sessionprotectiontests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/sessionprotectiontests-spool.jsonl", "siaga.telephony.enabled=false"})
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Test
    void pagesAndApiAnswersCarryThePolicyAndNoHstsOverPlainHttp() {
        Http http = new Http(port);
        for (Http.Response r : List.of(http.get("/login"), http.get("/operator/", "Authorization", Http.basic("operator.sleman1", "siaga110")),
                http.get("/api/me", "Authorization", Http.basic("operator.sleman1", "siaga110")), http.get("/api/me"))) {
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'", "base-uri 'self'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Strict-Transport-Security")).as("plain HTTP").isEmpty();
        }
        Http.Response login = new Http(port).get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").doesNotContain("Secure"));
    }

    @Test
    void overHttpsTheCsrfCookieIsSecureAndHstsIsSent() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpServletResponse page = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
        assertThat(page.getHeader("Strict-Transport-Security")).startsWith("max-age=");
        Cookie csrf = page.getCookie("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.getSecure()).isTrue();
        assertThat(csrf.isHttpOnly()).as("the consoles' script reads it").isFalse();
    }

    @Test
    void aConfiguredTileServerIsTheOnlyOtherPlaceImagesMayComeFrom() {
        assertThat(ContentSecurityPolicy.forConsoles("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png").header())
                .contains("img-src 'self' data: https://*.tile.openstreetmap.org;");
        assertThat(ContentSecurityPolicy.forConsoles("http://tiles.polda-diy.local:8081/{z}/{x}/{y}.png").header())
                .contains("img-src 'self' data: http://tiles.polda-diy.local:8081;");
        assertThat(ContentSecurityPolicy.forConsoles("/tiles/{z}/{x}/{y}.png").header()).contains("img-src 'self' data:;");
        assertThat(ContentSecurityPolicy.forConsoles("").header()).contains("img-src 'self' data:;").contains("script-src 'self';");
    }
}
