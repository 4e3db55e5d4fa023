package org.concurbridge.bridge.web;

import org.concurbridge.bridge.posting.mapping.MappingException;
import org.concurbridge.bridge.posting.mapping.PostingMapping;
import org.concurbridge.bridge.posting.pipeline.ConnectionMappings;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Optional;

/**
 * The posting mapping of a connection on the dashboard: shows the current one (version, source), validates an edited
 * one per field with {@link PostingMapping#parse} and stores it in the same place as {@code mapping set}.
 */
@Controller
class MappingController {
    private static final Logger log = LoggerFactory.getLogger(MappingController.class);

    private final ConnectionRepository connections;
    private final ConnectionMappings mappings;

    MappingController(ConnectionRepository connections, ConnectionMappings mappings) {
        this.connections = connections;
        this.mappings = mappings;
    }

    @GetMapping("/connections/{companyUuid}/mapping")
    String show(@PathVariable String companyUuid, Model model) {
        model.addAttribute("c", existing(companyUuid));
        Optional<ConnectionMappings.Text> current = mappings.text(companyUuid);
        if (!model.containsAttribute("text")) { // after a refused save: the submitted text
            model.addAttribute("text", current.map(ConnectionMappings.Text::text).orElse(""));
        }
        String source = current.map(ConnectionMappings.Text::source).orElse("none: Concur's own codes are posted");
        try {
            model.addAttribute("stored", mappings.stored(companyUuid).orElse(null));
        } catch (MappingException e) {
            // the current mapping (a file edited by hand) is invalid: posting stops until it is fixed
            model.addAttribute("currentErrors", e.errors());
            source += " (invalid)";
        }
        model.addAttribute("source", source);
        return "mapping";
    }

    @PostMapping("/connections/{companyUuid}/mapping")
    String save(@PathVariable String companyUuid, @RequestParam(defaultValue = "") String text, Principal user,
                Model model, RedirectAttributes redirect) {
        existing(companyUuid);
        String normalized = text.replace("\r\n", "\n");
        try {
            PostingMapping saved = mappings.set(companyUuid, normalized, "web:" + user.getName());
            log.info("posting mapping changed company={} version={} by={}", companyUuid, saved.version(),
                    user.getName());
            redirect.addFlashAttribute("notice", "Mapping saved: version " + saved.version() + ". Documents already"
                    + " posted keep the mapping version they were built with; FAILED documents can be retried with"
                    + " the new mapping.");
            redirect.addFlashAttribute("saved", true);
            return "redirect:/connections/" + companyUuid + "/mapping";
        } catch (MappingException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("text", normalized);
            model.addAttribute("error", "The mapping was not saved: " + e.errors().size() + " invalid field"
                    + (e.errors().size() == 1 ? "" : "s") + ". Fix them and save again.");
            return show(companyUuid, model);
        }
    }

    private Connection existing(String companyUuid) {
        return connections.find(companyUuid)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No connection " + companyUuid));
    }
}
