package org.concurbridge.bridge.web;

import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.LedgerState;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The posting pages of a connection: its documents in the ledger (with retry) and the daily reconciliation. */
@Controller
class PostingController {
    static final int PAGE = 500;

    private final ConnectionRepository connections;
    private final PostingLedger ledger;
    private final Clock clock;

    PostingController(ConnectionRepository connections, PostingLedger ledger, Clock clock) {
        this.connections = connections;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/connections/{companyUuid}/documents")
    String documents(@PathVariable String companyUuid, @RequestParam(required = false) String state, Model model) {
        Connection c = existing(companyUuid);
        LedgerState filter = parseState(state);
        List<LedgerDocument> docs = ledger.list(companyUuid, filter, PAGE);
        Map<LedgerState, Long> counts = ledger.counts(companyUuid);
        model.addAttribute("c", c);
        model.addAttribute("documents", docs);
        model.addAttribute("paid", ledger.payments().paidConfirmed(docs.stream().map(LedgerDocument::id).toList()));
        model.addAttribute("states", Arrays.asList(LedgerState.values()));
        model.addAttribute("counts", counts);
        model.addAttribute("filter", filter);
        return "documents";
    }

    @GetMapping("/connections/{companyUuid}/documents/{id}")
    String document(@PathVariable String companyUuid, @PathVariable long id, Model model) {
        Connection c = existing(companyUuid);
        LedgerDocument d = ledger.find(id).filter(x -> x.companyUuid().equals(companyUuid))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No document " + id));
        model.addAttribute("c", c);
        model.addAttribute("d", d);
        model.addAttribute("events", ledger.events(id));
        model.addAttribute("payments", ledger.payments().byDocuments(List.of(id), null));
        return "document";
    }

    @PostMapping("/connections/{companyUuid}/documents/{id}/retry")
    String retry(@PathVariable String companyUuid, @PathVariable long id, RedirectAttributes redirect) {
        existing(companyUuid);
        LedgerDocument d = ledger.find(id).filter(x -> x.companyUuid().equals(companyUuid))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No document " + id));
        if (ledger.retryNow(id)) {
            redirect.addFlashAttribute("notice", "Document " + d.sourceDocId() + " is retried on the next"
                    + " fis-posting run (with the connection's current mapping if it has not been posted yet).");
        } else {
            redirect.addFlashAttribute("error", "Document " + d.sourceDocId() + " is " + d.state()
                    + ": only FAILED documents can be retried.");
        }
        return "redirect:/connections/" + companyUuid + "/documents";
    }

    @GetMapping("/connections/{companyUuid}/reconciliation")
    String reconciliation(@PathVariable String companyUuid, @RequestParam(required = false) LocalDate from,
                          @RequestParam(required = false) LocalDate to, Model model) {
        Connection c = existing(companyUuid);
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusDays(30);
        if (start.isAfter(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from " + start + " is after to " + end);
        }
        List<PostingLedger.DailyTotals> days = ledger.daily(companyUuid, start, end);
        model.addAttribute("c", c);
        model.addAttribute("days", days);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("differences", days.stream().filter(d -> d.difference().signum() != 0)
                .flatMap(d -> ledger.notInErp(companyUuid, d.day()).stream()).toList());
        List<LedgerDocument> partlyPaid = ledger.partlyPaid(companyUuid, start, end);
        model.addAttribute("partlyPaid", partlyPaid);
        model.addAttribute("toldPaid", ledger.payments().paidConfirmed(partlyPaid.stream().map(LedgerDocument::id)
                .toList()));
        return "reconciliation";
    }

    private static LedgerState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return LedgerState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown state " + state + "; states: "
                    + Arrays.toString(LedgerState.values()));
        }
    }

    private Connection existing(String companyUuid) {
        return connections.find(companyUuid)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No connection " + companyUuid));
    }
}
