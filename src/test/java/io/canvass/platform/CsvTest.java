package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void parsesQuotesCommasLineBreaksAndChinese() {
        String text = Csv.BOM + "name,notes\r\n\"上海华工, 机械\",\"说 \"\"你好\"\"\nsecond line\"\r\nplain,\n";
        assertEquals(List.of(List.of("name", "notes"), List.of("上海华工, 机械", "说 \"你好\"\nsecond line"), List.of("plain", "")),
                Csv.parse(text));
    }

    @Test
    void writesWhatItReads() {
        List<String> cells = List.of("杭州, 云帆", "a \"quote\"", "multi\nline", "");
        assertEquals(List.of(cells), Csv.parse(Csv.line(cells)));
    }

    @Test
    void neutralisesSpreadsheetFormulasButNotNegativeNumbers() {
        assertEquals("'=HYPERLINK(1),-12.5\r\n", Csv.line(List.of("=HYPERLINK(1)", "-12.5")));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThrows(ProblemException.class, () -> Csv.parse("name\n\"open"));
    }
}
