package org.concurbridge.bridge.posting.pipeline;

import org.concurbridge.bridge.jobs.JobResult;
import org.concurbridge.bridge.posting.ledger.LedgerDocument;
import org.concurbridge.bridge.posting.ledger.PostingLedger;
import org.concurbridge.sandbox.ConcurSandbox;
import org.concurbridge.sandbox.faults.FaultRule;
import org.concurbridge.sandbox.fis.FisStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs of the FIS posting job for one company against the sandbox, and what the tests read back. */
record FisRuns(FisPostingJob job, ConcurSandbox sb, PostingLedger ledger, String company) {

    /** Runs the job until Concur's queue of the company is empty and nothing is due (at most 10 runs). */
    JobResult drain() {
        JobResult last = null;
        for (int i = 0; i < 10; i++) {
            last = job.run(company);
            if (sb.fis().counts(company).getOrDefault(FisStatus.READY, 0) == 0
                    && ledger.due(company, PostingLedger.FIS, 1).isEmpty()) {
                return last;
            }
        }
        return last;
    }

    /**
     * One run in which Concur records the expense payment confirmation but its answer never reaches the bridge (cut
     * in half, as if the bridge stopped between the call and the ledger write), then one run without the fault.
     */
    void runLosingOnePaymentConfirmationAnswer() {
        sb.faults().add(FaultRule.on("POST", "/financialintegration/fi/v4/companies/transactiontypes/expense"
                + "/transactions/paymentconfirmations").loseAnswer().times(1));
        job.run(company); // fails or recovers by itself: either way the next run settles it
        sb.faults().clear();
        job.run(company);
    }

    List<String> jsons(List<String> ids) {
        return ids.stream().map(id -> sb.fis().document(id).toString()).toList();
    }

    /** The latest ledger row of the document (asserted to exist). */
    LedgerDocument row(String docId) {
        List<LedgerDocument> rows = ledger.bySourceDocId(company, docId);
        assertThat(rows).as("ledger rows of " + docId).isNotEmpty();
        return rows.get(rows.size() - 1);
    }
}
