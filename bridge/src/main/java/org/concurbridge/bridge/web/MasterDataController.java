package org.concurbridge.bridge.web;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.jobs.ScheduledJob;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMapping;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappingException;
import org.concurbridge.bridge.masterdata.mapping.MasterDataMappings;
import org.concurbridge.bridge.masterdata.sync.MasterDataService;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The master-data page of a connection: per Concur list and for the vendors the last run and its figures (live while
 * it runs), the availability, the failed items with Concur's error and a Retry, the items only Concur has and the ERP
 * records that cannot become items (keyset-paged); and the master-data mapping editor. Reads and acts through
 * {@link MasterDataService} and {@link MasterDataMappings}; no Concur or ERP call is made by a page.
 */
@Controller
class MasterDataController {
    private static final Logger log = LoggerFactory.getLogger(MasterDataController.class);
    /** Rows of each item table on the master-data page and per page of the item pages. */
    static final int PAGE = 20;

    /** The item tables: failed items, items only Concur has, ERP records that cannot become items. */
    enum Kind {
        FAILED("failed", "Failed items"),
        CONCUR_ONLY("concur-only", "Items only SAP Concur has"),
        PROBLEMS("problems", "ERP records that cannot become items");

        final String path;
        final String title;

        Kind(String path, String title) {
            this.path = path;
            this.title = title;
        }

        static Kind of(String path) {
            for (Kind k : values()) {
                if (k.path.equals(path)) {
                    return k;
                }
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No item list " + path);
        }

        public String getPath() {
            return path;
        }

        public String getTitle() {
            return title;
        }
    }

    /** One page of rows of a kind, and the key to ask for the next page with (null: this is the last). */
    record Rows<T>(Kind kind, List<T> rows, String nextAfter) {
    }

    /** A target with its item tables' first pages, for the master-data page. */
    record Section(int index, MasterDataView view, Rows<MasterDataService.ItemView> failed,
                   Rows<MasterDataService.ItemView> concurOnly, Rows<MasterDataService.ProblemView> problems) {
    }

    /** The targets table and when to read it again. */
    record TargetsView(List<MasterDataView> targets, long nextPollMs) {
    }

    private final ConnectionRepository connections;
    private final MasterDataService service;
    private final MasterDataMappings mappings;
    private final ConnectionJobs jobs;
    private final Clock clock;
    private final Duration refresh;
    private final Duration idleRefresh;

    MasterDataController(ConnectionRepository connections, MasterDataService service, MasterDataMappings mappings,
                         ConnectionJobs jobs, Clock clock, BridgeProperties properties) {
        this.connections = connections;
        this.service = service;
        this.mappings = mappings;
        this.jobs = jobs;
        this.clock = clock;
        this.refresh = properties.web().runsRefresh();
        this.idleRefresh = properties.web().jobsIdleRefresh();
    }

    @GetMapping("/connections/{companyUuid}/masterdata")
    String page(@PathVariable String companyUuid, Model model) {
        model.addAttribute("c", existing(companyUuid));
        TargetsView targets = targetsView(companyUuid);
        List<Section> sections = new ArrayList<>();
        int i = 0;
        for (MasterDataView v : targets.targets()) {
            sections.add(new Section(i++, v, failed(companyUuid, v.target(), null),
                    concurOnly(companyUuid, v.target(), null), problems(companyUuid, v.target(), null)));
        }
        model.addAttribute("targets", targets);
        model.addAttribute("sections", sections);
        model.addAttribute("idleRefresh", RunView.duration(idleRefresh));
        mappingFacts(companyUuid, model);
        return "masterdata";
    }

    /**
     * The targets table as JSON, polled by the master-data page ({@code static/js/masterdata.js}) every
     * {@code nextPollMs}: {@code bridge.web.runs-refresh} while a target runs or its job is due, else
     * {@code bridge.web.jobs-idle-refresh}.
     */
    @GetMapping(value = "/connections/{companyUuid}/masterdata/targets", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    TargetsView targets(@PathVariable String companyUuid) {
        existing(companyUuid);
        return targetsView(companyUuid);
    }

    /** One kind of item list of one target, keyset-paged by its key ({@code after}: the last key of the page before). */
    @GetMapping("/connections/{companyUuid}/masterdata/items")
    String items(@PathVariable String companyUuid, @RequestParam String target, @RequestParam String kind,
                 @RequestParam(required = false) String after, Model model) {
        model.addAttribute("c", existing(companyUuid));
        Kind k = Kind.of(kind);
        MasterDataView view = known(companyUuid, target);
        String from = after == null || after.isEmpty() ? null : after;
        model.addAttribute("t", view);
        model.addAttribute("kind", k);
        model.addAttribute("after", from);
        model.addAttribute("rows", switch (k) {
            case FAILED -> failed(companyUuid, target, from);
            case CONCUR_ONLY -> concurOnly(companyUuid, target, from);
            case PROBLEMS -> problems(companyUuid, target, from);
        });
        return "masterdata-items";
    }

    @PostMapping("/connections/{companyUuid}/masterdata/run")
    String runNow(@PathVariable String companyUuid, @RequestParam String target, Principal user,
                  RedirectAttributes redirect) {
        MasterDataView view = known(companyUuid, target);
        service.runNow(companyUuid, target);
        log.info("event=masterdata_run_now company={} target=\"{}\" job={} by={}", companyUuid, target, view.job(),
                user.getName());
        redirect.addFlashAttribute("notice", view.running()
                ? view.name() + " is syncing now; " + view.job() + " runs again when this run has ended."
                : view.name() + ": " + view.job() + " will run within a few seconds.");
        return "redirect:/connections/" + companyUuid + "/masterdata";
    }

    @PostMapping("/connections/{companyUuid}/masterdata/retry")
    String retry(@PathVariable String companyUuid, @RequestParam String target, @RequestParam String itemKey,
                 @RequestParam(required = false) String back, Principal user, RedirectAttributes redirect) {
        MasterDataView view = known(companyUuid, target);
        if (service.retry(companyUuid, target, itemKey)) {
            log.info("event=masterdata_retry company={} target=\"{}\" item=\"{}\" by={}", companyUuid, target,
                    itemKey, user.getName());
            redirect.addFlashAttribute("notice", "Item " + itemKey + " of " + view.name() + " is tried again now: "
                    + view.job() + (view.running() ? " runs again when the run in progress has ended."
                    : " will run within a few seconds."));
        } else {
            redirect.addFlashAttribute("error", "Item " + itemKey + " of " + view.name()
                    + " has not failed (any more): nothing to retry.");
        }
        return "redirect:" + ("items".equals(back)
                ? UriComponentsBuilder.fromPath("/connections/{id}/masterdata/items").queryParam("target", "{t}")
                .queryParam("kind", "failed").buildAndExpand(companyUuid, target).encode().toUriString()
                : "/connections/" + companyUuid + "/masterdata");
    }

    @GetMapping("/connections/{companyUuid}/masterdata/mapping")
    String mapping(@PathVariable String companyUuid, Model model) {
        model.addAttribute("c", existing(companyUuid));
        MasterDataMappings.Stored stored = mappings.stored(companyUuid);
        if (!model.containsAttribute("text")) { // after a refused save: the submitted text
            model.addAttribute("text", stored.text());
        }
        model.addAttribute("stored", stored);
        mappingFacts(companyUuid, model);
        Map<String, String> used = new LinkedHashMap<>();
        for (MasterDataService.TargetView t : service.targets(companyUuid)) {
            if (t.mappingVersion() != null) {
                used.put(t.name(), t.mappingVersion());
            }
        }
        model.addAttribute("used", used);
        return "masterdata-mapping";
    }

    @PostMapping("/connections/{companyUuid}/masterdata/mapping")
    String saveMapping(@PathVariable String companyUuid, @RequestParam(defaultValue = "") String text, Principal user,
                       Model model, RedirectAttributes redirect) {
        existing(companyUuid);
        String normalized = text.replace("\r\n", "\n");
        try {
            MasterDataMapping saved = mappings.set(companyUuid, normalized, "web:" + user.getName());
            log.info("event=masterdata_mapping_changed company={} version={} by={}", companyUuid, saved.version(),
                    user.getName());
            redirect.addFlashAttribute("notice", "Master-data mapping saved: version " + saved.version()
                    + ". The next list-sync and vendor-sync runs use it.");
            return "redirect:/connections/" + companyUuid + "/masterdata/mapping";
        } catch (MasterDataMappingException e) {
            model.addAttribute("errors", e.errors());
            model.addAttribute("text", normalized);
            model.addAttribute("error", "The mapping was not saved: " + e.errors().size() + " invalid field"
                    + (e.errors().size() == 1 ? "" : "s") + ". Fix them and save again.");
            return mapping(companyUuid, model);
        }
    }

    /** The version in force, where it comes from, who changed it when; the errors of an invalid stored one. */
    private void mappingFacts(String companyUuid, Model model) {
        MasterDataMappings.Stored stored = mappings.stored(companyUuid);
        model.addAttribute("mappingSource", stored.source());
        model.addAttribute("mappingUpdated", stored.updatedAt() == null ? null
                : MasterDataView.time(stored.updatedAt()) + " by " + stored.updatedBy());
        try {
            model.addAttribute("mappingVersion", mappings.mapping(companyUuid).version());
        } catch (MasterDataMappingException e) {
            model.addAttribute("mappingVersion", "none: invalid");
            model.addAttribute("currentErrors", e.errors());
        }
    }

    private TargetsView targetsView(String companyUuid) {
        Instant now = clock.instant();
        Map<String, ScheduledJob> scheduled = new LinkedHashMap<>();
        for (ScheduledJob s : jobs.scheduled(companyUuid)) {
            scheduled.put(s.job(), s);
        }
        boolean active = false;
        List<MasterDataView> rows = new ArrayList<>();
        for (MasterDataService.TargetView t : service.targets(companyUuid)) {
            ScheduledJob s = scheduled.get(t.job());
            boolean queued = s != null && !t.running() && (s.running() || !s.nextRunAt().isAfter(now));
            active |= t.running() || queued
                    || (s != null && !s.nextRunAt().isAfter(now.plus(idleRefresh)));
            rows.add(MasterDataView.of(t, queued));
        }
        return new TargetsView(rows, (active ? refresh : idleRefresh).toMillis());
    }

    private Rows<MasterDataService.ItemView> failed(String company, String target, String after) {
        return rows(Kind.FAILED, service.failed(company, target, after, PAGE + 1), MasterDataService.ItemView::itemKey);
    }

    private Rows<MasterDataService.ItemView> concurOnly(String company, String target, String after) {
        return rows(Kind.CONCUR_ONLY, service.concurOnly(company, target, after, PAGE + 1),
                MasterDataService.ItemView::itemKey);
    }

    private Rows<MasterDataService.ProblemView> problems(String company, String target, String after) {
        return rows(Kind.PROBLEMS, service.problems(company, target, after, PAGE + 1),
                MasterDataService.ProblemView::erpKey);
    }

    /** Reads one more row than shown to know whether a next page exists. */
    private static <T> Rows<T> rows(Kind kind, List<T> read, Function<T, String> key) {
        if (read.size() <= PAGE) {
            return new Rows<>(kind, read, null);
        }
        List<T> page = read.subList(0, PAGE);
        return new Rows<>(kind, List.copyOf(page), key.apply(page.get(PAGE - 1)));
    }

    /** The target's view; 404 when the connection has no such target. */
    private MasterDataView known(String companyUuid, String target) {
        existing(companyUuid);
        return targetsView(companyUuid).targets().stream().filter(t -> t.target().equals(target)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No master-data target "
                        + target));
    }

    private Connection existing(String companyUuid) {
        return connections.find(companyUuid)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No connection " + companyUuid));
    }
}
