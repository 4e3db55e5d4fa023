package org.concurbridge.bridge.posting.exactlyonce;

import org.concurbridge.bridge.erp.ErpAdapter;
import org.concurbridge.bridge.erp.ErpDocumentRef;
import org.concurbridge.bridge.erp.ErpException;
import org.concurbridge.bridge.erp.ErpPosting;
import org.concurbridge.bridge.erp.JournalEntry;
import org.concurbridge.bridge.erp.PostingResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loaded into a bridge process with {@code --spring.main.sources=} this class: the ERP adapter (the SQL adapter on
 * the bridge's database) is wrapped into an ERP <em>without its own duplicate protection</em>. Every post creates a new
 * ERP document, whatever its idempotency key (the key is stored with a unique suffix, so neither the unique constraint
 * nor the adapter's find-before-insert ever sees it twice); a lookup by key still finds the first document (the key
 * is the document's reference). And the ERP is unreliable: it sometimes commits and then loses the connection
 * ({@code test.nondedupe.lost-answer-probability}), and answers slowly ({@code test.nondedupe.answer-delay-ms}), so
 * that kills land between the ERP's commit and the ledger's POSTED. Only the bridge can keep each document posted
 * once here.
 */
@Configuration(proxyBeanMethods = false)
public class NonDedupingErpConfiguration {

    /** Documents posted under the key, as this ERP stores them. */
    public static int documents(JdbcClient jdbc, String key) {
        return jdbc.sql("select count(*) from erp.journal_entry where idempotency_key like ?").param(key + "#%")
                .query(Integer.class).single();
    }

    @Bean
    static BeanPostProcessor nonDedupingErp(ObjectProvider<DataSource> dataSource,
                                            org.springframework.core.env.Environment env) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof ErpAdapter erp) || Proxy.isProxyClass(bean.getClass())) {
                    return bean;
                }
                return wrap(erp, JdbcClient.create(dataSource.getObject()),
                        env.getProperty("test.nondedupe.lost-answer-probability", Double.class, 0.0),
                        env.getProperty("test.nondedupe.answer-delay-ms", Long.class, 0L));
            }
        };
    }

    public static ErpAdapter wrap(ErpAdapter erp, JdbcClient jdbc, double lostAnswers, long answerDelayMillis) {
        AtomicLong next = new AtomicLong(System.nanoTime());
        Random random = new Random();
        return (ErpAdapter) Proxy.newProxyInstance(NonDedupingErpConfiguration.class.getClassLoader(),
                new Class<?>[] {ErpAdapter.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "postAll": {
                            @SuppressWarnings("unchecked")
                            List<JournalEntry> entries = (List<JournalEntry>) args[0];
                            List<JournalEntry> renamed = entries.stream().map(e -> new JournalEntry(
                                    e.idempotencyKey() + "#" + Long.toString(next.incrementAndGet(), 36), e.company(),
                                    e.postingDate(), e.currency(), e.companyCurrency(), e.reference(),
                                    e.description(), e.lines())).toList();
                            List<ErpPosting.BatchResult> results = erp.postAll(renamed);
                            answer(random, lostAnswers, answerDelayMillis);
                            List<ErpPosting.BatchResult> back = new ArrayList<>();
                            for (int i = 0; i < entries.size(); i++) {
                                ErpPosting.BatchResult r = results.get(i);
                                back.add(r.failure() != null ? r : new ErpPosting.BatchResult(new PostingResult(
                                        new ErpDocumentRef(entries.get(i).idempotencyKey(),
                                                r.result().document().documentNumber(), null), false), null));
                            }
                            return back;
                        }
                        case "post":
                            return ((ErpAdapter) proxy).postAll(List.of((JournalEntry) args[0])).get(0).get();
                        case "lookup": {
                            String key = (String) args[0];
                            return jdbc.sql("select id from erp.journal_entry where idempotency_key like ?"
                                    + " order by id limit 1")
                                    .param(key + "#%").query(Long.class).optional()
                                    .map(id -> new ErpDocumentRef(key, String.format("JE%010d", id), null));
                        }
                        default:
                            try {
                                return method.invoke(erp, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    /** The ERP committed; its answer comes late, or never (the connection drops after the commit). */
    private static void answer(Random random, double lostAnswers, long delayMillis) {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lostAnswers > 0 && random.nextDouble() < lostAnswers) {
            throw new ErpException.Retriable("the connection to the ERP dropped after it committed", null);
        }
    }
}
