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
import java.util.List;

/**
 * The Quick Connect landing page (the app's Connect URI in the App Center) and the manual path for customers without
 * App Center. The admin is signed in before this controller runs (Spring Security sends them to the sign-in page and
 * back); the request token is exchanged only when the admin confirms, as SAP Concur's UX guidelines require.
 */
@Controller
class QuickConnectController {
    static final String PENDING = "quickConnect.pending";

    private final QuickConnectService service;

    QuickConnectController(QuickConnectService service) {
        this.service = service;
    }

    /** App Center redirect target: {@code ?id=<company uuid>&requestToken=<token>&userId=<admin uuid>} (also {@code userID}). */
    @GetMapping("/concur/connect")
    String landing(@RequestParam(name = "id", required = false) String companyUuid,
                   @RequestParam(name = "requestToken", required = false) String requestToken,
                   @RequestParam(name = "userId", required = false) String userId,
                   @RequestParam(name = "userID", required = false) String userIdUpper,
                   HttpSession session, HttpServletResponse response, Model model) {
        List<String> problems = QuickConnectService.validate(companyUuid, requestToken);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "This Quick Connect link is incomplete: " + String.join(" ", problems)
                    + " Click Connect again in the SAP Concur App Center.");
            return "connect-result";
        }
        Pending pending = new Pending(companyUuid.trim(), requestToken.trim(), userId != null ? userId : userIdUpper);
        session.setAttribute(PENDING, pending);
        model.addAttribute("companyUuid", pending.companyUuid());
        model.addAttribute("userId", pending.userId());
        return "connect-confirm";
    }

    @PostMapping("/concur/connect")
    String confirm(HttpSession session, Model model, Authentication admin) {
        Object attribute = session.getAttribute(PENDING);
        if (!(attribute instanceof Pending pending)) {
            model.addAttribute("error", "There is no Quick Connect request waiting in this browser session. "
                    + "Click Connect again in the SAP Concur App Center.");
            return "connect-result";
        }
        session.removeAttribute(PENDING);
        return connectAndShow(pending.companyUuid(), Secret.of(pending.requestToken()), pending.userId(), model);
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
}
