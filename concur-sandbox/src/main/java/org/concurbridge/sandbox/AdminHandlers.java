package org.concurbridge.sandbox;

/** Shared by the capability admin endpoints ({@code /admin/fis}, {@code /admin/extracts}, ...). */
public final class AdminHandlers {

    private AdminHandlers() {
    }

    /**
     * Turns a Java API's argument and state errors into 400/404/409 answers: {@link IllegalStateException} → 409,
     * an {@link IllegalArgumentException} whose message starts with "no " → 404, any other → 400.
     */
    public static SandboxHandler guarded(SandboxHandler handler) {
        return ex -> {
            try {
                handler.handle(ex);
            } catch (IllegalStateException e) {
                throw HttpFailure.error(409, "conflict", e.getMessage());
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                throw m.startsWith("no ") ? HttpFailure.error(404, "not_found", m)
                        : HttpFailure.error(400, "bad_request", m);
            }
        };
    }
}
