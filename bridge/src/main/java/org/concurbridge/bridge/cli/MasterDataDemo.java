package org.concurbridge.bridge.cli;

import org.concurbridge.bridge.jobs.ProgressListener;
import org.concurbridge.bridge.masterdata.sync.MasterDataSync;
import org.concurbridge.bridge.masterdata.sync.SyncReport;

import java.io.PrintStream;
import java.util.List;

/** The demo's master-data step: one list sync and one vendor sync per demo company, and their figures. */
final class MasterDataDemo {
    private MasterDataDemo() {
    }

    static void run(MasterDataSync sync, List<String> companies, PrintStream out) {
        for (String company : companies) {
            print(out, company, "lists", () -> sync.lists(company, false, false, ProgressListener.NONE));
            print(out, company, "vendors", () -> sync.vendors(company, false, false, ProgressListener.NONE));
        }
    }

    private static void print(PrintStream out, String company, String what, java.util.function.Supplier<SyncReport> run) {
        try {
            SyncReport r = run.get();
            for (SyncReport.Target t : r.targets()) {
                String name = t.target().startsWith("list:") ? "list \"" + t.target().substring(5) + "\"" : "vendors";
                out.println("  " + company.substring(0, 8) + " " + pad(name) + (t.failed() ? " FAILED " : " ")
                        + (t.note() != null && (t.failed() || t.note().startsWith("not available")) ? t.note()
                        : t.counts() + (t.note() == null ? "" : "; " + t.note()))
                        + (t.concurOnly() > 0 ? "; only in Concur " + t.concurOnly() : "")
                        + (t.problems() > 0 ? "; ERP records not synced " + t.problems() : ""));
            }
        } catch (RuntimeException e) {
            out.println("  " + company.substring(0, 8) + " " + what + ": " + CliErrors.describe(e));
        }
    }

    private static String pad(String s) {
        return s.length() >= 22 ? s + ":" : (s + ":" + " ".repeat(22 - s.length()));
    }
}
