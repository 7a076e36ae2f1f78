package org.casebridge.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SvgChartsTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void barsAreWellFormedSvgScaledToTheLargestValueWithoutInlineStyleOrScript() throws Exception {
        String svg = SvgCharts.bars("Cases by partner <all>", "h-1", List.of(new SvgCharts.Bar("NL-NHTC", 10),
                new SvgCharts.Bar("FR-OFAC", 5), new SvgCharts.Bar("A&B \"x\"", null)));
        Document document = parse(svg);
        assertThat(document.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Cases by partner <all>");
        NodeList rects = document.getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(3);
        double first = Double.parseDouble(rects.item(0).getAttributes().getNamedItem("width").getNodeValue());
        double second = Double.parseDouble(rects.item(1).getAttributes().getNamedItem("width").getNodeValue());
        assertThat(second / first).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(rects.item(2).getAttributes().getNamedItem("class").getNodeValue()).isEqualTo("chart-suppressed");
        assertThat(svg).doesNotContain("style=").doesNotContain("<script").contains("A&amp;B &quot;x&quot;");
    }

    @Test
    void seriesAndStacksAreWellFormed() throws Exception {
        Document series = parse(SvgCharts.series("Requests per month", null, List.of(new SvgCharts.Bar("2026-01", 0),
                new SvgCharts.Bar("2026-02", 7), new SvgCharts.Bar("2026-03", null))));
        assertThat(series.getElementsByTagName("rect").getLength()).isEqualTo(3);
        Document stacked = parse(SvgCharts.stacked("Deadlines", "h-2", List.of("on time", "late", "pending"),
                List.of(new SvgCharts.Stack("EU_EPOC", Arrays.asList(8, 2, 1)),
                        new SvgCharts.Stack("MLAT", Arrays.asList(null, 3, 0)))));
        // Three legend keys, three parts of the first bar, one visible part of the second.
        assertThat(stacked.getElementsByTagName("rect").getLength()).isEqualTo(7);
    }
}
