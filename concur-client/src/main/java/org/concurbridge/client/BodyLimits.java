package org.concurbridge.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Size caps on what SAP Concur (or whatever answers in its place) sends: an API or token answer is read into memory
 * only up to {@link #MAX_BODY_BYTES}, a download written to disk only up to {@link #MAX_DOWNLOAD_BYTES}; a larger
 * body is cut off and the call fails as {@link ConcurException.Permanent} (never retried). Extract zip members are
 * capped by {@code ExtractZip}.
 */
public final class BodyLimits {
    /** The largest API or token answer read into memory: 64 MiB (a FIS page of 100 documents is a few MB). */
    public static final long MAX_BODY_BYTES = 64L << 20;
    /** The largest extract file or payment batch file downloaded: 4 GiB. */
    public static final long MAX_DOWNLOAD_BYTES = 4L << 30;

    private BodyLimits() {
    }

    /** The failure of a body that went over its cap. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** {@code handler} with its body cut off (failing with {@link TooLarge}) after {@code limit} bytes. */
    static <T> HttpResponse.BodyHandler<T> cap(HttpResponse.BodyHandler<T> handler, long limit) {
        if (handler instanceof Capped<T>) {
            return handler;
        }
        return new Capped<>(handler, limit);
    }

    private record Capped<T>(HttpResponse.BodyHandler<T> handler, long limit) implements HttpResponse.BodyHandler<T> {
        @Override
        public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
            HttpResponse.BodySubscriber<T> inner = handler.apply(info);
            return new HttpResponse.BodySubscriber<>() {
                private long seen;
                private Flow.Subscription subscription;
                private boolean failed;

                @Override
                public CompletionStage<T> getBody() {
                    return inner.getBody();
                }

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    inner.onSubscribe(s);
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                    if (failed) {
                        return;
                    }
                    for (ByteBuffer b : item) {
                        seen += b.remaining();
                    }
                    if (seen > limit) {
                        failed = true;
                        subscription.cancel();
                        inner.onError(new TooLarge(limit));
                        return;
                    }
                    inner.onNext(item);
                }

                @Override
                public void onError(Throwable t) {
                    if (!failed) {
                        inner.onError(t);
                    }
                }

                @Override
                public void onComplete() {
                    if (!failed) {
                        inner.onComplete();
                    }
                }
            };
        }
    }
}
