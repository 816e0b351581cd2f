package id.siaga.location;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A PIDF-LO document (RFC 4119, RFC 5491) read down to its first usable location: {@code presence} →
 * {@code tuple} / {@code dm:device} / {@code dm:person} → ({@code status}) → {@code gp:geopriv} →
 * {@code gp:location-info} → a GML shape. An unusable shape does not stop the search: a later tuple may
 * still hold a good one, and only if none does are the reasons reported, all of them.
 *
 * <p>The XML comes from whoever placed the call, so the parser is locked down: no DOCTYPE at all (PIDF-LO
 * never needs one, and refusing it stops external entities, XXE file reads and entity-expansion bombs
 * before they start), no external DTD or schema access, no XInclude, and a size limit checked before
 * parsing.
 */
final class PidfLoDocument {

    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    static final String HELD = "urn:ietf:params:xml:ns:geopriv:held";
    static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    static final String GEOPRIV = "urn:ietf:params:xml:ns:pidf:geopriv10";
    static final String CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
    /** A PIDF-LO is one or two kilobytes; 64 KB is generous and still bounds the parser's work. */
    static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_METHOD_CHARACTERS = 64;

    private static final DocumentBuilderFactory FACTORY = lockedDownFactory();
    /**
     * One parser per thread, reset before each document: creating a DocumentBuilder sets up Xerces' whole
     * configuration, which cost more than parsing the PIDF-LO of an INVITE (bench/RESULTS.md).
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(PidfLoDocument::newBuilder);

    private PidfLoDocument() {
    }

    /** The first usable location of the document, from the bytes of a body part (its XML declaration names the encoding). */
    static LocationFix firstFix(byte[] xml) throws UnusableLocation {
        if (xml.length > MAX_BYTES) {
            throw new UnusableLocation("PIDF-LO of " + xml.length + " bytes exceeds the limit of " + MAX_BYTES);
        }
        int start = 0;
        while (start < xml.length && (xml[start] == ' ' || xml[start] == '\t' || xml[start] == '\r' || xml[start] == '\n')) {
            start++; // a stray line break before <?xml is common and harmless
        }
        return firstFix(parse(new InputSource(new ByteArrayInputStream(xml, start, xml.length - start))).getDocumentElement());
    }

    /** The first usable location of the document, already decoded to characters. */
    static LocationFix firstFix(String xml) throws UnusableLocation {
        if (xml.length() > MAX_BYTES) {
            throw new UnusableLocation("PIDF-LO of " + xml.length() + " characters exceeds the limit of " + MAX_BYTES);
        }
        return firstFix(parse(new InputSource(new StringReader(xml.stripLeading()))).getDocumentElement());
    }

    private static Document parse(InputSource source) throws UnusableLocation {
        try {
            DocumentBuilder builder = BUILDERS.get();
            builder.reset(); // back to the factory's locked-down settings, whatever the last document left
            builder.setEntityResolver(REFUSE_ENTITIES);
            builder.setErrorHandler(STRICT);
            return builder.parse(source);
        } catch (SAXParseException e) {
            throw new UnusableLocation("PIDF-LO is not acceptable XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + UnusableLocation.shown(e.getMessage(), 120));
        } catch (SAXException e) {
            throw new UnusableLocation("PIDF-LO is not acceptable XML: " + UnusableLocation.shown(e.getMessage(), 120));
        } catch (IOException e) {
            throw new UnusableLocation("PIDF-LO could not be read: " + UnusableLocation.shown(e.getMessage(), 120));
        }
    }

    private static final EntityResolver REFUSE_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entity " + systemId + " refused");
    };
    private static final ErrorHandler STRICT = new Strict();

    private static DocumentBuilder newBuilder() {
        try {
            synchronized (FACTORY) { // the factory promises no thread safety
                return FACTORY.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the locked-down XML parser cannot be created", e);
        }
    }

    private static LocationFix firstFix(Element root) throws UnusableLocation {
        // a HELD locationResponse (RFC 5985), as a location server answers a dereference, wraps the PIDF presence
        Element presence = is(root, HELD, "locationResponse")
                ? child(root, PIDF, "presence").orElseThrow(() -> new UnusableLocation("HELD locationResponse without a PIDF presence"))
                : root;
        if (!is(presence, PIDF, "presence")) {
            throw new UnusableLocation("root element is " + name(presence) + ", not the PIDF presence");
        }
        List<String> problems = new ArrayList<>();
        boolean sawGeopriv = false;
        for (Element holder : children(presence)) {
            if (!is(holder, PIDF, "tuple") && !is(holder, DATA_MODEL, "device") && !is(holder, DATA_MODEL, "person")) {
                continue;
            }
            Optional<Instant> timestamp = timestamp(holder);
            for (Element geopriv : geoprivs(holder)) {
                sawGeopriv = true;
                String method = child(geopriv, GEOPRIV, "method").map(PidfLoDocument::method).orElse("");
                Optional<Element> locationInfo = child(geopriv, GEOPRIV, "location-info");
                if (locationInfo.isEmpty()) {
                    problems.add(where(holder) + ": gp:geopriv has no gp:location-info");
                    continue;
                }
                List<Element> shapes = children(locationInfo.get());
                if (shapes.isEmpty()) {
                    problems.add(where(holder) + ": gp:location-info is empty");
                }
                for (Element shape : shapes) {
                    if (CIVIC.equals(shape.getNamespaceURI())) {
                        problems.add(where(holder) + ": civic address only; geocoding it is not supported");
                        continue;
                    }
                    try {
                        return GmlShape.toFix(shape, method, timestamp);
                    } catch (UnusableLocation e) {
                        problems.add(where(holder) + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!sawGeopriv) {
            throw new UnusableLocation("PIDF has no gp:geopriv in any tuple, dm:device or dm:person");
        }
        throw new UnusableLocation("no usable location in the PIDF-LO: " + String.join("; ", problems));
    }

    /** RFC 4119 puts geopriv in a tuple's status; RFC 5491 §3.4 also puts it straight into device and person. */
    private static List<Element> geoprivs(Element holder) {
        List<Element> found = new ArrayList<>();
        for (Element child : children(holder)) {
            if (is(child, GEOPRIV, "geopriv")) {
                found.add(child);
            } else if (child.getLocalName() != null && child.getLocalName().equals("status")) {
                children(child).stream().filter(e -> is(e, GEOPRIV, "geopriv")).forEach(found::add);
            }
        }
        return found;
    }

    /** {@code <timestamp>} (pidf) of a tuple or {@code <dm:timestamp>} of a device or person, RFC 3339. */
    private static Optional<Instant> timestamp(Element holder) {
        for (Element child : children(holder)) {
            if (is(child, PIDF, "timestamp") || is(child, DATA_MODEL, "timestamp")) {
                try { // RFC 3339 allows a lower-case 't' and 'z'; java.time does not
                    return Optional.of(OffsetDateTime.parse(child.getTextContent().trim().toUpperCase(Locale.ROOT)).toInstant());
                } catch (DateTimeParseException e) {
                    return Optional.empty(); // a bad clock does not make the position wrong: keep it, untimed
                }
            }
        }
        return Optional.empty();
    }

    /** The method token, whitespace collapsed and cut short: it ends up in logs and the journal. */
    private static String method(Element method) {
        String text = method.getTextContent().replaceAll("[\\s\\p{Cntrl}]+", " ").trim();
        return text.length() > MAX_METHOD_CHARACTERS ? text.substring(0, MAX_METHOD_CHARACTERS) : text;
    }

    private static String where(Element holder) {
        String id = holder.getAttribute("id");
        return holder.getLocalName() + (id.isEmpty() ? "" : " " + UnusableLocation.shown(id));
    }

    static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** An element's name for a problem: the caller wrote it, so it is shown as caller text (XML allows U+007F-U+009F in it). */
    static String name(Element element) {
        String namespace = element.getNamespaceURI();
        return UnusableLocation.shown((namespace == null ? "" : "{" + namespace + "}") + element.getLocalName(), 120);
    }

    static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        return children(parent).stream().filter(e -> is(e, namespace, localName)).findFirst();
    }

    private static DocumentBuilderFactory lockedDownFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance(); // the JDK's parser, whose features are known
        try {
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK XML parser cannot be locked down against XXE", e);
        }
        return factory;
    }

    /** Fails on every error instead of printing "[Fatal Error]" to stderr and guessing on. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
