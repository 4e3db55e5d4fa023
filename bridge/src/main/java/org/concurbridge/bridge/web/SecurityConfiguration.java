package org.concurbridge.bridge.web;

import org.concurbridge.bridge.config.BridgeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains. Actuator: health open, everything else (Prometheus) behind HTTP Basic with the admin account
 * unless {@code bridge.web.public-metrics} is true; stateless. Everything else: form sign-in with CSRF protection;
 * an unauthenticated request (e.g. the Quick Connect landing page {@code /concur/connect?...}) is saved in the
 * session, redirected to {@code /login}, and resumed after sign-in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Public paths of the dashboard chain (the sign-in page and its assets). */
    static final String[] PUBLIC_PATHS = {"/login", "/css/**", "/favicon.ico", "/error"};

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, BridgeProperties properties) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
                    if (properties.web().publicMetrics()) {
                        auth.requestMatchers(EndpointRequest.to("prometheus")).permitAll();
                    }
                    auth.anyRequest().authenticated();
                })
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // read-only endpoints, no session, no cookies
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboardChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }
}
