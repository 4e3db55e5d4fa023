package org.concurbridge.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware DOM helpers for the classic XML APIs' tests (JDK parser only). */
final class XmlDoc {

    private XmlDoc() {
    }

    static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return d.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
    }

    /** The element children of {@code e}. */
    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    static List<String> childNames(Element e) {
        return children(e).stream().map(Element::getLocalName).toList();
    }

    /** The trimmed text of the first child element named {@code name}; null when absent. */
    static String text(Element e, String name) {
        return children(e).stream().filter(c -> c.getLocalName().equals(name)).findFirst()
                .map(c -> c.getTextContent().trim()).orElse(null);
    }

    static List<Element> children(Element e, String name) {
        return children(e).stream().filter(c -> c.getLocalName().equals(name)).toList();
    }
}
