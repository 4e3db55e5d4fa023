package org.concurbridge.bridge.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.concurbridge.bridge.connect.ConnectException;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.client.Secret;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Quick Connect landing page (the app's Connect URI in the App Center) and the manual path for customers without
 * App Center. The admin is signed in before this controller runs (Spring Security sends them to the sign-in page and
 * back); the request token is exchanged only when the admin confirms, as SAP Concur's UX guidelines require.
 *
 * <p>Binding (docs/app.md, "Quick Connect landing page"): the landing GET keeps each request in the session under its
 * own one-time nonce and redirects to {@code /concur/connect/confirm?request=<nonce>}, so the request token leaves the
 * address bar and history; a page another site makes the browser load adds a request of its own but cannot replace
 * the one whose confirm form the admin sees. The confirm POST names its nonce and company UUID; the token is exchanged
 * and the company profile read (nothing stored), the company's name shown, and only the admin's "store" (again a
 * one-time nonce and the company UUID) stores the connection.
 */
@Controller
class QuickConnectController {
    static final String PENDING = "quickConnect.pending";
    static final String PREVIEWS = "quickConnect.previews";
    /** Requests kept per session: older ones are dropped (a site cannot fill the session). */
    static final int MAX_PER_SESSION = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QuickConnectService service;

    QuickConnectController(QuickConnectService service) {
        this.service = service;
    }

    /**
     * App Center redirect target: {@code ?id=<company uuid>&requestToken=<token>&userId=<admin uuid>} (also
     * {@code userID}). Keeps the request under a new nonce and redirects to its confirm page.
     */
    @GetMapping("/concur/connect")
    String landing(@RequestParam(name = "id", required = false) String companyUuid,
                   @RequestParam(name = "requestToken", required = false) String requestToken,
                   @RequestParam(name = "userId", required = false) String userId,
                   @RequestParam(name = "userID", required = false) String userIdUpper,
                   HttpSession session, HttpServletResponse response, Model model) {
        List<String> problems = new java.util.ArrayList<>(QuickConnectService.validate(companyUuid, requestToken));
        String user = userId != null ? userId : userIdUpper;
        if (!QuickConnectService.validUserId(user)) {
            problems.add("User (userId) is not a UUID.");
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "This Quick Connect link is incomplete: " + String.join(" ", problems)
                    + " Click Connect again in the SAP Concur App Center.");
            return "connect-result";
        }
        Pending pending = new Pending(companyUuid.trim().toLowerCase(java.util.Locale.ROOT), requestToken.trim(),
                user == null || user.isBlank() ? null : user.trim());
        String nonce = keep(session, PENDING, pending);
        return "redirect:/concur/connect/confirm?request=" + nonce;
    }

    /** The confirm page of one request: company UUID and user; nothing exchanged yet. */
    @GetMapping("/concur/connect/confirm")
    String confirmPage(@RequestParam(name = "request", required = false) String nonce, HttpSession session,
                       HttpServletResponse response, Model model) {
        Pending pending = peek(session, PENDING, nonce, Pending.class);
        if (pending == null) {
            return noRequest(response, model);
        }
        model.addAttribute("companyUuid", pending.companyUuid());
        model.addAttribute("userId", pending.userId());
        model.addAttribute("request", nonce);
        return "connect-confirm";
    }

    /**
     * The admin confirmed one request (its nonce and company UUID): the token is exchanged and the profile read,
     * nothing stored; the page shows the company's name and asks to store the connection.
     */
    @PostMapping("/concur/connect")
    String confirm(@RequestParam(name = "request", required = false) String nonce,
                   @RequestParam(name = "companyUuid", required = false) String companyUuid,
                   HttpSession session, HttpServletResponse response, Model model) {
        Pending pending = take(session, PENDING, nonce, Pending.class);
        if (pending == null || companyUuid == null || !pending.companyUuid().equalsIgnoreCase(companyUuid.trim())) {
            return noRequest(response, model);
        }
        QuickConnectService.Preview preview;
        try {
            preview = service.preview(pending.companyUuid(), Secret.of(pending.requestToken()), pending.userId());
        } catch (ConnectException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("companyUuid", pending.companyUuid());
            return "connect-result";
        }
        String next = keep(session, PREVIEWS, new Previewed(preview, pending.userId()));
        model.addAttribute("preview", preview.profile());
        model.addAttribute("companyUuid", preview.companyUuid());
        model.addAttribute("userId", pending.userId());
        model.addAttribute("request", next);
        return "connect-review";
    }

    /** The admin saw the company's name and stores the connection (one-time nonce and company UUID). */
    @PostMapping("/concur/connect/store")
    String store(@RequestParam(name = "request", required = false) String nonce,
                 @RequestParam(name = "companyUuid", required = false) String companyUuid,
                 HttpSession session, HttpServletResponse response, Model model) {
        Previewed previewed = take(session, PREVIEWS, nonce, Previewed.class);
        if (previewed == null || companyUuid == null
                || !previewed.preview().companyUuid().equalsIgnoreCase(companyUuid.trim())) {
            return noRequest(response, model);
        }
        try {
            model.addAttribute("connection", service.store(previewed.preview(), previewed.userId()));
        } catch (RuntimeException e) {
            model.addAttribute("error", "The connection could not be stored: " + e.getMessage());
            model.addAttribute("companyUuid", previewed.preview().companyUuid());
        }
        return "connect-result";
    }

    private static String noRequest(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", "There is no such Quick Connect request waiting in this browser session (each"
                + " can be confirmed once). Click Connect again in the SAP Concur App Center.");
        return "connect-result";
    }

    /** Keeps {@code value} in the session map {@code attribute} under a new random nonce; returns the nonce. */
    @SuppressWarnings("unchecked")
    private static String keep(HttpSession session, String attribute, Serializable value) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (session.getId().intern()) {
            Object current = session.getAttribute(attribute);
            LinkedHashMap<String, Serializable> map = current instanceof LinkedHashMap<?, ?> m
                    ? (LinkedHashMap<String, Serializable>) m : new LinkedHashMap<>();
            map.put(nonce, value);
            while (map.size() > MAX_PER_SESSION) {
                map.remove(map.keySet().iterator().next());
            }
            session.setAttribute(attribute, map);
        }
        return nonce;
    }

    private static <T> T peek(HttpSession session, String attribute, String nonce, Class<T> type) {
        return lookUp(session, attribute, nonce, type, false);
    }

    /** Removes and returns the value under {@code nonce}: each nonce works once. */
    private static <T> T take(HttpSession session, String attribute, String nonce, Class<T> type) {
        return lookUp(session, attribute, nonce, type, true);
    }

    private static <T> T lookUp(HttpSession session, String attribute, String nonce, Class<T> type, boolean remove) {
        if (nonce == null || nonce.isBlank()) {
            return null;
        }
        synchronized (session.getId().intern()) {
            if (!(session.getAttribute(attribute) instanceof Map<?, ?> map)) {
                return null;
            }
            Object value = remove ? map.remove(nonce) : map.get(nonce);
            if (remove) {
                session.setAttribute(attribute, map);
            }
            return type.isInstance(value) ? type.cast(value) : null;
        }
    }

    @GetMapping("/connections/new")
    String manualForm() {
        return "connect-manual";
    }

    @PostMapping("/connections/new")
    String manualConnect(@RequestParam(name = "companyUuid", required = false) String companyUuid,
                         @RequestParam(name = "requestToken", required = false) String requestToken,
                         Authentication admin, Model model) {
        List<String> problems = QuickConnectService.validate(companyUuid, requestToken);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("companyUuid", companyUuid);
            return "connect-manual";
        }
        return connectAndShow(companyUuid.trim(), Secret.of(requestToken.trim()), "manual:" + admin.getName(), model);
    }

    private String connectAndShow(String companyUuid, Secret requestToken, String userId, Model model) {
        try {
            Connection connection = service.connect(companyUuid, requestToken, userId);
            model.addAttribute("connection", connection);
        } catch (ConnectException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("companyUuid", companyUuid);
        }
        return "connect-result";
    }

    /** What the landing page keeps in the session until the admin confirms; the token never goes to the page. */
    record Pending(String companyUuid, String requestToken, String userId) implements Serializable {
        @Override
        public String toString() {
            return "Pending[companyUuid=" + companyUuid + ", userId=" + userId + "]";
        }
    }

    /** An exchanged, not yet stored connection waiting for the admin's "store"; never printed with its tokens. */
    record Previewed(QuickConnectService.Preview preview, String userId) implements Serializable {
        @Override
        public String toString() {
            return "Previewed[" + preview + ", userId=" + userId + "]";
        }
    }
}
