package org.concurbridge.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.concurbridge.client.extract.ExtractReader;
import org.concurbridge.client.extract.ExtractSummary;
import org.concurbridge.client.extract.SaeParser;
import org.concurbridge.client.extract.SaeRow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One full parse of a generated SAE file per invocation: our parser into typed rows (validating every typed column
 * and the control totals) against FastCSV and Commons CSV tokenizing the same file with the same delimiter and
 * quote character into Strings. All three decode UTF-8 from the same file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SaeParseBenchmark {

    /** Size of the generated file in MiB. */
    @Param("200")
    public int sizeMb;

    /** Directory holding the generated files. */
    @Param("target")
    public String dir;

    private Path file;

    @Setup
    public void setup() throws IOException {
        file = BenchFiles.ensure(Path.of(dir), sizeMb);
    }

    @Benchmark
    public long ours(Blackhole bh) throws IOException {
        long rows = 0;
        try (ExtractReader<SaeRow> r = new SaeParser().open(Files.newInputStream(file), file.toString())) {
            while (r.next()) {
                if (r.problem().isPresent()) {
                    throw new IllegalStateException(r.problem().get().describe());
                }
                SaeRow row = r.row();
                bh.consume(row.reportKey());
                bh.consume(row.employeeId());
                bh.consume(row.journalAccountCode());
                bh.consume(row.journalAmount());
                bh.consume(row.debitOrCredit());
                bh.consume(row.journalPayerPaymentTypeName());
                bh.consume(row.journalPayeePaymentTypeName());
                bh.consume(row.paymentTypeCode());
                bh.consume(row.transactionDate());
                bh.consume(row.entryCurrency());
                bh.consume(row.personal());
                bh.consume(row.allocationCustom(1));
                bh.consume(row.allocationCustom(2));
                rows++;
            }
            ExtractSummary s = r.summary();
            if (s.heldWhole() || !s.journalTotalVerified()) {
                throw new IllegalStateException("control totals failed: " + s.fileProblems());
            }
        }
        return rows;
    }

    @Benchmark
    public long fastCsv(Blackhole bh) throws IOException {
        long rows = 0;
        try (CsvReader<CsvRecord> r = CsvReader.builder().fieldSeparator('|').quoteCharacter('"')
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord rec : r) {
                bh.consume(rec);
                rows++;
            }
        }
        return rows;
    }

    @Benchmark
    public long commonsCsv(Blackhole bh) throws IOException {
        long rows = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter('|').setQuote('"').get();
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(
                     new java.io.InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
             CSVParser p = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord rec : p) {
                bh.consume(rec);
                rows++;
            }
        }
        return rows;
    }
}
