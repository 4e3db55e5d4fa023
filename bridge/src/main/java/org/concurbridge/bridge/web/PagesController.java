package org.concurbridge.bridge.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Static pages the App Center UX guidelines ask for (privacy policy; support is linked in the footer). */
@Controller
class PagesController {
    @GetMapping("/privacy")
    String privacy() {
        return "privacy";
    }
}
