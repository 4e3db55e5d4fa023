package org.concurbridge.client.fis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A posting confirmation (financial-integration-v4.md section 2.3): {@code success} with the ERP documents created,
 * or {@code error} with messages a Concur processor can act on (shown in the report's or invoice's audit trail).
 */
public record PostingConfirmation(String docId, boolean success, List<PostingDoc> postingDocs,
                                  List<SystemMessage> systemMessages) {

    /** Longest {@code messageShortText} Concur stores; longer texts are cut, ending with an ellipsis. */
    public static final int MAX_MESSAGE = 1300;

    public PostingConfirmation {
        requireText(docId, "docId");
        postingDocs = List.copyOf(postingDocs);
        systemMessages = List.copyOf(systemMessages);
    }

    public static PostingConfirmation success(String docId, PostingDoc... documents) {
        return new PostingConfirmation(docId, true, List.of(documents), List.of());
    }

    public static PostingConfirmation error(String docId, SystemMessage... messages) {
        return new PostingConfirmation(docId, false, List.of(), List.of(messages));
    }

    /** An ERP document created for the Concur document: company code, number, fiscal year, posting date. */
    public record PostingDoc(String companyId, String documentNumber, String fiscalYear, LocalDate postingDate) {
        public PostingDoc {
            requireText(companyId, "postingDocs.companyId");
            if (documentNumber != null && documentNumber.length() > 80) {
                throw new IllegalArgumentException("postingDocs.documentNumber is longer than 80 characters: "
                        + documentNumber);
            }
        }
    }

    /**
     * A message for the audit trail: {@code lineItemId} names the Concur line it is about (or null), {@code messageId}
     * the ERP's message id, {@code language} e.g. {@code EN}.
     */
    public record SystemMessage(String lineItemId, String messageId, String language, String shortText) {
        public SystemMessage {
            requireText(shortText, "systemMessages.messageShortText");
            if (shortText.length() > MAX_MESSAGE) {
                shortText = shortText.substring(0, MAX_MESSAGE - 1) + "…";
            }
            language = language == null ? "EN" : language;
        }

        public static SystemMessage of(String text) {
            return new SystemMessage(null, null, "EN", text);
        }
    }

    static String requireText(String value, String name) {
        if (Objects.requireNonNull(value, name + " is required").isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
