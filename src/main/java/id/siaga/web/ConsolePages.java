package id.siaga.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The consoles' addresses: each is a static page under {@code static/}, served at its folder's address. */
@Configuration(proxyBeanMethods = false)
class ConsolePages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("forward:/login.html");
        registry.addViewController("/").setViewName("forward:/index.html");
        registry.addViewController("/account/password").setViewName("forward:/account/password.html");
        for (String console : new String[] {"operator", "supervisor", "officer", "admin"}) {
            registry.addRedirectViewController("/" + console, "/" + console + "/");
            registry.addViewController("/" + console + "/").setViewName("forward:/" + console + "/index.html");
        }
        // a token is base64url: no dot, so the page itself (/status/index.html) is not taken for a token and forwarded again
        registry.addViewController("/status/{token:[A-Za-z0-9_-]+}").setViewName("forward:/status/index.html");
    }
}
