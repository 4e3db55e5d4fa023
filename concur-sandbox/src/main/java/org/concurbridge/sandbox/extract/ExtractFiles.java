package org.concurbridge.sandbox.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.concurbridge.sandbox.fis.ExpectedJournal;
import org.concurbridge.sandbox.fis.Fis;
import org.concurbridge.sandbox.fis.FisDocType;
import org.concurbridge.sandbox.fis.FisDocumentState;
import org.concurbridge.sandbox.fis.FisStatus;

/**
 * Extract files generated from the FIS store's documents (the same documents, seeded generator included, that FIS
 * serves), shared by Extracts v1 and Payment Batches v1.
 */
public final class ExtractFiles {

    /** The name of the zip member an UNEXPECTED_ZIP_MEMBER fault adds. */
    public static final String UNEXPECTED_MEMBER = "../unexpected/readme.exe";

    private final Fis fis;
    private final Map<String, String> currencies = new ConcurrentHashMap<>();

    public ExtractFiles(Fis fis) {
        this.fis = fis;
    }

    /**
     * FIS ids of the company's documents of these docTypes that are extractable (every state but RECALLED: the
     * report has been approved for payment) and not in {@code taken}, in queue order.
     */
    public List<String> extractable(String companyUuid, Set<FisDocType> types, Collection<String> taken) {
        List<String> ids = new ArrayList<>();
        for (FisDocumentState s : fis.documents(companyUuid)) {
            if (types.contains(s.docType()) && s.status() != FisStatus.RECALLED && !taken.contains(s.id())) {
                ids.add(s.id());
            }
        }
        return ids;
    }

    /** The SAE file of these expense / cash advance documents. */
    public ExtractFile sae(String name, long batchId, LocalDate batchDate, List<String> fisIds, FileFault fault) {
        List<SourceDocument> docs = sources(fisIds);
        return file(name, docs, SaeWriter.write(batchId, batchDate, docs, fault));
    }

    /**
     * What the company owes its employees for these expense documents (the SAE rows whose party is {@code EMPL}:
     * reimbursements less cash advances recovered and personal card charges): a payment batch's total.
     */
    public BigDecimal amountDueEmployees(List<String> fisIds) {
        return SaeWriter.write(0, LocalDate.EPOCH, sources(fisIds), null).dueEmployee();
    }

    /** The PRAE file of these invoices. */
    public ExtractFile prae(String name, long batchId, LocalDate batchDate, List<String> fisIds, FileFault fault) {
        List<SourceDocument> docs = sources(fisIds);
        return file(name, docs, PraeWriter.write(batchId, batchDate, docs, fault));
    }

    /** Expected journal per report key (see {@link ExtractedDocument#reportKey()}); loaded documents have none. */
    public Map<String, ExpectedJournal> expectedJournals(List<ExtractedDocument> documents) {
        Map<String, ExpectedJournal> out = new LinkedHashMap<>();
        for (ExtractedDocument d : documents) {
            Optional<ExpectedJournal> j = fis.expectedJournal(d.fisId());
            j.ifPresent(journal -> out.put(d.reportKey(), journal));
        }
        return out;
    }

    private List<SourceDocument> sources(List<String> fisIds) {
        List<SourceDocument> docs = new ArrayList<>(fisIds.size());
        for (String id : fisIds) {
            FisDocumentState state = fis.state(id);
            docs.add(new SourceDocument(id, state.docType(), fis.document(id), state.useCase()));
        }
        return docs;
    }

    private ExtractFile file(String name, List<SourceDocument> docs, SaeWriter.Written w) {
        List<ExtractedDocument> out = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            SourceDocument d = docs.get(i);
            out.add(new ExtractedDocument(d.fisId(), d.docType(), d.reportId(), d.reportKey(), d.useCase(),
                    w.rowsPerDocument().get(i)));
        }
        return new ExtractFile(name, w.content(), w.recordCount(), w.journalTotal(), List.copyOf(out));
    }

    /** A zip of the files (and of an unexpected member when asked). */
    public static byte[] zip(List<ExtractFile> files, boolean unexpectedMember) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (ExtractFile f : files) {
                zip.putNextEntry(new ZipEntry(f.name()));
                zip.write(f.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            if (unexpectedMember) {
                zip.putNextEntry(new ZipEntry(UNEXPECTED_MEMBER));
                zip.write("MZ not an extract".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A new encrypted-looking id from one of the sandbox's seeded UUIDs. */
    public static String newId(String uuid) {
        UUID u = UUID.fromString(uuid);
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "n" + encryptedId(b.array());
    }

    /**
     * The reimbursement (or invoice) currency of a document; remembered per document revision, because batch lists ask
     * for it on every call and a document's JSON is regenerated each time it is read.
     */
    public String currency(String fisId) {
        FisDocumentState state = fis.state(fisId);
        return currencies.computeIfAbsent(fisId + "#" + state.revision(), k -> {
            var doc = fis.document(fisId);
            return switch (state.docType()) {
                case EXPENSE -> doc.path("report").path("employeeCurrencyAlphaCode").asString("");
                case CASH_ADVANCE -> doc.path("cashAdvanceData").path("employeeCurrencyAlphaCode").asString("");
                case INVOICE -> doc.path("requestHeader").path("currencyAlphaCode").asString("");
            };
        });
    }

    /** An encrypted-looking Concur id ({@code nYoPK$pZmcowMRUqcl5bnDAwwsMydyt$xd}): Base64 with + → $p, / → $s. */
    public static String encryptedId(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace("+", "$p")
                .replace("/", "$s");
    }
}
