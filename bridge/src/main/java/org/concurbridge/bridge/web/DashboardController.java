package org.concurbridge.bridge.web;

import org.concurbridge.bridge.config.BridgeProperties;
import org.concurbridge.bridge.connect.ConnectException;
import org.concurbridge.bridge.connect.QuickConnectService;
import org.concurbridge.bridge.jobs.ConnectionJobs;
import org.concurbridge.bridge.jobs.JobRun;
import org.concurbridge.bridge.jobs.ScheduledJob;
import org.concurbridge.bridge.store.Connection;
import org.concurbridge.bridge.store.ConnectionRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The connections dashboard: every connected company, its state and tokens' health, and the operator's actions. */
@Controller
class DashboardController {
    /** Show a warning this long before the refresh token expires. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    /** Runs shown on the connection page. */
    static final int HISTORY = 50;

    private final Duration refresh;
    private final Duration jobsIdleRefresh;

    private final ConnectionRepository connections;
    private final ConnectionJobs jobs;
    private final QuickConnectService quickConnect;
    private final Clock clock;

    DashboardController(ConnectionRepository connections, ConnectionJobs jobs, QuickConnectService quickConnect,
                        Clock clock, BridgeProperties properties) {
        this.refresh = properties.web().runsRefresh();
        this.jobsIdleRefresh = properties.web().jobsIdleRefresh();
        this.connections = connections;
        this.jobs = jobs;
        this.quickConnect = quickConnect;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Instant now = clock.instant();
        List<ConnectionView> views = connections.findAll().stream().map(c -> ConnectionView.of(c, now)).toList();
        model.addAttribute("connections", views);
        model.addAttribute("running", jobs.runningNow());
        return "dashboard";
    }

    @GetMapping("/connections/{companyUuid}")
    String connection(@PathVariable String companyUuid, Model model) {
        model.addAttribute("c", ConnectionView.of(existing(companyUuid), clock.instant()));
        model.addAttribute("runs", runViews(companyUuid));
        model.addAttribute("refreshMillis", refresh.toMillis());
        model.addAttribute("deadAfter", RunView.duration(jobs.deadAfter()));
        model.addAttribute("jobs", jobsView(companyUuid));
        model.addAttribute("jobsIdleRefresh", RunView.duration(jobsIdleRefresh));
        return "connection";
    }

    /** The run history as JSON, polled by the connection page ({@code static/js/runs.js}) while it is open. */
    @GetMapping(value = "/connections/{companyUuid}/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<RunView> runs(@PathVariable String companyUuid) {
        existing(companyUuid);
        return runViews(companyUuid);
    }

    /**
     * The Jobs table as JSON, polled by the connection page ({@code static/js/jobs.js}) every {@code nextPollMs}:
     * {@code bridge.web.runs-refresh} while a job runs or is due before the idle poll would come, else
     * {@code bridge.web.jobs-idle-refresh} (a run started elsewhere, by another operator or the CLI, shows then).
     */
    @GetMapping(value = "/connections/{companyUuid}/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    JobsView jobs(@PathVariable String companyUuid) {
        existing(companyUuid);
        return jobsView(companyUuid);
    }

    /** The Jobs table and when to read it again. */
    record JobsView(List<JobView> jobs, long nextPollMs) {
    }

    private JobsView jobsView(String companyUuid) {
        Instant now = clock.instant();
        Instant soon = now.plus(jobsIdleRefresh);
        Map<String, JobRun> latest = jobs.latestRuns(companyUuid);
        boolean active = false;
        List<JobView> rows = new ArrayList<>();
        for (ScheduledJob s : jobs.scheduled(companyUuid)) {
            JobRun last = latest.get(s.job());
            active |= JobView.active(s, last, soon);
            rows.add(JobView.of(s, last, now));
        }
        return new JobsView(rows, (active ? refresh : jobsIdleRefresh).toMillis());
    }

    private List<RunView> runViews(String companyUuid) {
        Instant now = clock.instant();
        return jobs.history(companyUuid, HISTORY).stream().map(r -> RunView.of(r, now)).toList();
    }

    @PostMapping("/connections/{companyUuid}/jobs/{job}/run")
    String runNow(@PathVariable String companyUuid, @PathVariable String job, RedirectAttributes redirect) {
        existing(companyUuid);
        if (!jobs.jobNames().contains(job)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No job " + job);
        }
        jobs.runNow(job, companyUuid);
        redirect.addFlashAttribute("notice", "Job " + job + " will run within a few seconds.");
        return "redirect:/connections/" + companyUuid;
    }

    @GetMapping("/connections/{companyUuid}/disconnect")
    String confirmDisconnect(@PathVariable String companyUuid, Model model) {
        model.addAttribute("c", ConnectionView.of(existing(companyUuid), clock.instant()));
        return "disconnect-confirm";
    }

    @PostMapping("/connections/{companyUuid}/disconnect")
    String disconnect(@PathVariable String companyUuid, RedirectAttributes redirect) {
        try {
            QuickConnectService.DisconnectOutcome outcome = quickConnect.disconnect(companyUuid);
            String name = outcome.connection().companyName();
            redirect.addFlashAttribute("notice", "Disconnected " + (name == null ? companyUuid : name)
                    + (outcome.revoked() ? ": tokens revoked at SAP Concur and deleted here." : ". " + outcome.problem()));
        } catch (ConnectException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/";
    }

    private Connection existing(String companyUuid) {
        return connections.find(companyUuid)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No connection " + companyUuid));
    }

    /** What the pages show of a connection. */
    record ConnectionView(Connection c, boolean expiringSoon, boolean expired, long daysLeft) {
        static ConnectionView of(Connection c, Instant now) {
            Instant expiry = c.refreshExpiresAt();
            if (expiry == null) {
                return new ConnectionView(c, false, false, -1);
            }
            long days = Duration.between(now, expiry).toDays();
            boolean expired = !expiry.isAfter(now);
            return new ConnectionView(c, !expired && expiry.isBefore(now.plus(EXPIRY_WARNING)), expired, days);
        }
    }
}
