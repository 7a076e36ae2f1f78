package org.casebridge.exports.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casebridge.exports.domain.Column;
import org.casebridge.exports.domain.ExportFormat;
import org.junit.jupiter.api.Test;

class TableWriterTest {

    private static final List<Column> COLUMNS = List.of(Column.text("name"), Column.number("amount"),
            Column.timestamp("at"), Column.list("codes"), Column.bool("flag"));

    private static final Object[][] ROWS = {
            {"plain", 12L, Instant.parse("2026-03-01T10:15:30Z"), new String[]{"A", "B"}, true},
            {"comma, \"quote\" and\r\nline break", new BigDecimal("-1234.50"), "2026-03-01T10:15:30.000000Z",
                    List.of(), false},
            {"=HYPERLINK(\"http://evil\")", -5L, null, new String[]{"@SUM(A1)"}, null},
            {"+1", null, null, null, null},
            {"-2+3", 0L, null, null, null},
            {"@cmd", 1L, null, null, null},
            {"\tTAB=1", 1L, null, null, null},
            {"Łódź 東京 Zürich", 1L, null, null, null},
            {null, null, null, null, null}};

    private static String write(ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(format, COLUMNS, out)) {
            for (Object[] row : ROWS) {
                writer.row(row);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvIsRfc4180WithAHeaderAndCrlfAndParsesBackToTheValues() throws IOException {
        String csv = write(ExportFormat.CSV);
        assertThat(csv).startsWith("name,amount,at,codes,flag\r\n");
        assertThat(csv).endsWith("\r\n");
        List<CSVRecord> records = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(records).hasSize(ROWS.length);
        assertThat(records.get(0).get("name")).isEqualTo("plain");
        assertThat(records.get(0).get("amount")).isEqualTo("12");
        assertThat(records.get(0).get("at")).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(records.get(0).get("codes")).isEqualTo("A;B");
        assertThat(records.get(0).get("flag")).isEqualTo("true");
        assertThat(records.get(1).get("name")).isEqualTo("comma, \"quote\" and\r\nline break");
        assertThat(records.get(1).get("amount")).isEqualTo("-1234.50");
        assertThat(records.get(1).get("codes")).isEmpty();
        assertThat(records.get(7).get("name")).isEqualTo("Łódź 東京 Zürich");
        assertThat(records.get(8).get("name")).isEmpty();
    }

    @Test
    void textCellsASpreadsheetWouldRunAreNeutralisedButNumbersKeepTheirSign() throws IOException {
        List<CSVRecord> records = CSVParser.parse(new StringReader(write(ExportFormat.CSV)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(records.get(2).get("name")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(records.get(2).get("amount")).isEqualTo("-5");
        assertThat(records.get(2).get("codes")).isEqualTo("'@SUM(A1)");
        assertThat(records.get(3).get("name")).isEqualTo("'+1");
        assertThat(records.get(4).get("name")).isEqualTo("'-2+3");
        assertThat(records.get(5).get("name")).isEqualTo("'@cmd");
        assertThat(records.get(6).get("name")).isEqualTo("'\tTAB=1");
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell).as("no cell starts like a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
    }

    @Test
    void jsonLinesHasOneObjectPerLineWithTypedValues() throws IOException {
        String jsonl = write(ExportFormat.JSONL);
        String[] lines = jsonl.split("\n", -1);
        assertThat(lines).hasSize(ROWS.length + 1);
        assertThat(lines[ROWS.length]).isEmpty();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines[0]);
        assertThat(first.get("name").asText()).isEqualTo("plain");
        assertThat(first.get("amount").isNumber()).isTrue();
        assertThat(first.get("amount").asLong()).isEqualTo(12);
        assertThat(first.get("codes").isArray()).isTrue();
        assertThat(first.get("codes").get(1).asText()).isEqualTo("B");
        assertThat(first.get("flag").asBoolean()).isTrue();
        JsonNode second = mapper.readTree(lines[1]);
        assertThat(second.get("name").asText()).isEqualTo("comma, \"quote\" and\r\nline break");
        assertThat(second.get("amount").decimalValue()).isEqualByComparingTo("-1234.50");
        // JSON is not opened by spreadsheets as formulas; values are kept exactly.
        assertThat(mapper.readTree(lines[2]).get("name").asText()).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(mapper.readTree(lines[8]).get("name").isNull()).isTrue();
        assertThat(mapper.readTree(lines[7]).get("name").asText()).isEqualTo("Łódź 東京 Zürich");
    }

    @Test
    void longExportsKeepEveryCharacterWholeAcrossTheWritersBuffer() throws IOException {
        List<Column> columns = List.of(Column.text("text"), Column.number("n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Emoji are surrogate pairs; enough rows to cross the buffer's limit many times at odd offsets.
        String text = "Zürich \uD83D\uDE00 東京, \"quoted\"";
        try (TableWriter writer = TableWriter.open(ExportFormat.CSV, columns, out)) {
            for (long i = 0; i < 20_000; i++) {
                writer.row(text + i, i);
            }
        }
        List<CSVRecord> records = CSVParser.parse(new StringReader(out.toString(StandardCharsets.UTF_8)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(records).hasSize(20_000);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("text")).isEqualTo(text + i);
            assertThat(records.get(i).get("n")).isEqualTo(Integer.toString(i));
        }
    }
}
