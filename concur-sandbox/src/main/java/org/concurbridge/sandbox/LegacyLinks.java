package org.concurbridge.sandbox;

/**
 * The host the classic XML APIs print in the links they return, as the official samples do (extracts-v1.md, "Protocol
 * facts": "samples use {@code https://www.concursolutions.com}"; payment-batches-v1.md: {@code Batch-URL}
 * "e.g. {@code https://www.concursolutions.com/api/expense/paymentbatch/v1.1/batch/…}"; the close sample's
 * {@code File-Url} is plain {@code http://www.concursolutions.com/…}). A bearer token is not valid there: a client must
 * send the link's path to the company's geolocation. The sandbox serves those paths at every geolocation it runs.
 */
public final class LegacyLinks {

    /** The legacy host over https (Extracts v1 links, {@code Batch-URL}). */
    public static final String HTTPS = "https://www.concursolutions.com";
    /** The legacy host over plain http ({@code File-Url} of the Payment Batches close sample). */
    public static final String HTTP = "http://www.concursolutions.com";

    private LegacyLinks() {
    }
}
