package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PIDF-LO documents (RFC 4119, RFC 5491): every shape the handsets and LISs send, and every way they go wrong. */
class PidfLoParserTests {

    static final String CIRCLE_15M = """
            <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326">
              <gml:pos>-7.71560 110.35580</gml:pos>
              <gs:radius uom="urn:ogc:def:uom:EPSG::9001">15</gs:radius>
            </gs:Circle>""";

    /** A minimal RFC 5491 device document around the given location-info content. */
    static String pidf(String locationInfo, String deviceExtras) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                    xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" xmlns:gml="http://www.opengis.net/gml"
                    xmlns:gs="http://www.opengis.net/pidflo/1.0" xmlns:cl="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"
                    entity="pres:+6281234567890@ims.telkomsel.example">
                  <dm:device id="d1">
                    <gp:geopriv>
                      <gp:location-info>%s</gp:location-info>
                      <gp:method>GPS</gp:method>
                    </gp:geopriv>
                    %s
                  </dm:device>
                </presence>
                """.formatted(locationInfo, deviceExtras);
    }

    static String pidf(String locationInfo) {
        return pidf(locationInfo, "<dm:timestamp>2026-11-28T10:15:30Z</dm:timestamp>");
    }

    static String point(String srsName, String pos) {
        return "<gml:Point srsName=\"" + srsName + "\"><gml:pos>" + pos + "</gml:pos></gml:Point>";
    }

    static PidfLoResult parseFixture(String name) {
        return PidfLoParser.parsePidf(SipFixture.text(name));
    }

    @Test
    void aCellPointInBantulHasNoUncertainty() {
        LocationFix fix = parseFixture("pidf-point-bantul.xml").fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.888);
        assertThat(fix.longitude()).isEqualTo(110.3287);
        assertThat(fix.uncertaintyMeters()).isNaN();
        assertThat(fix.hasUncertainty()).isFalse();
        assertThat(fix.method()).isEqualTo("Cell");
        assertThat(fix.timestamp()).contains(Instant.parse("2026-11-28T10:20:05Z"));
        assertThat(fix.source()).isEqualTo(LocationSource.PIDF_LO);
    }

    @Test
    void anAgpsEllipseInKotaYogyakartaCountsItsSemiMajorAxis() {
        LocationFix fix = parseFixture("pidf-ellipse-kota-yogyakarta.xml").fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.7926);
        assertThat(fix.longitude()).isEqualTo(110.3658);
        assertThat(fix.uncertaintyMeters()).isEqualTo(120.0);
        assertThat(fix.method()).isEqualTo("A-GPS");
        assertThat(fix.timestamp()).as("tuple timestamp, +07:00 (WIB)").contains(Instant.parse("2026-11-28T10:15:30Z"));
    }

    @Test
    void anEllipseWithSwappedAxesStillReportsTheLargerOne() {
        String swapped = """
                <gs:Ellipse srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-7.79 110.36</gml:pos>
                  <gs:semiMajorAxis uom="urn:ogc:def:uom:EPSG::9001">40</gs:semiMajorAxis>
                  <gs:semiMinorAxis uom="urn:ogc:def:uom:EPSG::9001">120</gs:semiMinorAxis>
                </gs:Ellipse>""";
        assertThat(PidfLoParser.parsePidf(pidf(swapped)).fix().orElseThrow().uncertaintyMeters()).isEqualTo(120.0);
    }

    @Test
    void aCellSectorPolygonInGunungkidulIsItsAreaCentroidNotItsVertexMean() {
        LocationFix fix = parseFixture("pidf-polygon-gunungkidul.xml").fix().orElseThrow();
        // a 0.004° × 0.006° rectangle centred on Wonosari, with two extra corners on its northern edge that
        // would pull a vertex mean 74 m north
        assertThat(Geodesy.distanceMeters(fix.latitude(), fix.longitude(), -7.9650, 110.6004)).isLessThan(0.5);
        assertThat(fix.uncertaintyMeters()).isCloseTo(Geodesy.distanceMeters(-7.9650, 110.6004, -7.9630, 110.5974), within(0.5));
        assertThat(fix.method()).isEqualTo("Cell");
    }

    @Test
    void aPolygonGivenAsASequenceOfPosIsReadToo() {
        LocationFix fix = parseFixture("pidf-polygon-kulon-progo.xml").fix().orElseThrow();
        double latitude = (-7.85 - 7.85 - 7.87) / 3; // a triangle's centroid is the mean of its corners
        assertThat(fix.latitude()).isCloseTo(latitude, within(1e-6));
        assertThat(fix.longitude()).isCloseTo(110.16, within(1e-6));
        assertThat(fix.uncertaintyMeters()).isCloseTo(Geodesy.distanceMeters(latitude, 110.16, -7.87, 110.16), within(0.5));
    }

    @Test
    void anOpenRingIsClosedAndTooFewCornersAreRefused() {
        String open = "<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:exterior><gml:LinearRing>"
                + "<gml:posList>-7.85 110.15 -7.85 110.17 -7.87 110.16</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
        assertThat(PidfLoParser.parsePidf(pidf(open)).fix().orElseThrow().longitude()).isCloseTo(110.16, within(1e-6));

        String line = open.replace("-7.85 110.15 -7.85 110.17 -7.87 110.16", "-7.85 110.15 -7.85 110.17 -7.85 110.15");
        assertThat(PidfLoParser.parsePidf(pidf(line)).problem()).contains("at least three corners");
    }

    @Test
    void aSphereIn3dIgnoresTheAltitude() {
        LocationFix fix = parseFixture("pidf-sphere-sleman.xml").fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.7156);
        assertThat(fix.longitude()).isEqualTo(110.3558);
        assertThat(fix.uncertaintyMeters()).isEqualTo(20.0);
    }

    @Test
    void a3dPointIn4979IsFineButThreeNumbersIn4326AreNot() {
        assertThat(PidfLoParser.parsePidf(pidf(point("urn:ogc:def:crs:EPSG::4979", "-7.7156 110.3558 182"))).fix()
                .map(LocationFix::longitude)).contains(110.3558);
        assertThat(PidfLoParser.parsePidf(pidf(point("urn:ogc:def:crs:EPSG::4326", "-7.7156 110.3558 182"))).problem())
                .contains("does not hold \"lat lon\" positions");
    }

    @Test
    void aLocationInAnotherCoordinateSystemIsRefusedNotGuessed() {
        PidfLoResult utm = parseFixture("pidf-wrong-crs.xml");
        assertThat(utm.fix()).isEmpty();
        assertThat(utm.problem()).contains("gs:Circle").contains("EPSG::32749").contains("not EPSG 4326 or 4979");

        // "EPSG:4326" is lon/lat in half the GIS tools: a swapped axis would put the caller in the sea
        assertThat(PidfLoParser.parsePidf(pidf(point("EPSG:4326", "-7.7156 110.3558"))).problem()).contains("not EPSG 4326");
        assertThat(PidfLoParser.parsePidf(pidf("<gml:Point><gml:pos>-7.7156 110.3558</gml:pos></gml:Point>")).problem())
                .contains("no srsName");
    }

    @Test
    void theOtherSpellingsOfWgs84AreAccepted() {
        for (String srsName : new String[] {"urn:ogc:def:crs:EPSG:6.6:4326", "http://www.opengis.net/def/crs/EPSG/0/4326"}) {
            assertThat(PidfLoParser.parsePidf(pidf(point(srsName, "-7.7156 110.3558"))).located()).as(srsName).isTrue();
        }
    }

    @Test
    void aShapeWithoutPosIsReported() {
        PidfLoResult result = parseFixture("pidf-missing-pos.xml");
        assertThat(result.fix()).isEmpty();
        assertThat(result.problem()).contains("gs:Circle: no gml:pos");
    }

    @Test
    void numbersMustBePlainDecimalsWithinRange() {
        String wgs84 = "urn:ogc:def:crs:EPSG::4326";
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "-7.7156 abc"))).problem()).contains("'abc' is not a decimal number");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "NaN 110.3558"))).problem()).contains("'NaN' is not a decimal number");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "0x1p3 110.3558"))).problem()).contains("not a decimal number");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "-7.7156d 110.3558"))).problem()).contains("not a decimal number");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "1e999 110.3558"))).problem()).contains("out of range");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "-97.7156 110.3558"))).problem()).contains("outside -90..90");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "110.3558 -7.7156"))).problem())
                .as("\"lon lat\" in Indonesia always shows: 110 is no latitude").contains("outside -90..90");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, "-7.7156 210.3558"))).problem()).contains("outside");
        assertThat(PidfLoParser.parsePidf(pidf(point(wgs84, ""))).problem()).contains("does not hold");
    }

    @Test
    void radiiAreMetresAndNotNegative() {
        assertThat(PidfLoParser.parsePidf(pidf(CIRCLE_15M.replace("EPSG::9001", "EPSG::9036"))).problem()).contains("is not metres");
        assertThat(PidfLoParser.parsePidf(pidf(CIRCLE_15M.replace(" uom=\"urn:ogc:def:uom:EPSG::9001\"", ""))).problem())
                .contains("is not metres");
        assertThat(PidfLoParser.parsePidf(pidf(CIRCLE_15M.replace(">15<", ">-15<"))).problem()).contains("negative");
        assertThat(PidfLoParser.parsePidf(pidf(CIRCLE_15M.replace("<gs:radius", "<gs:radiusX").replace("</gs:radius>", "</gs:radiusX>")))
                .problem()).contains("no gs:radius");
    }

    @Test
    void unsupportedShapesAndCivicAddressesAreNamed() {
        String arcBand = "<gs:ArcBand srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:pos>-7.7 110.3</gml:pos></gs:ArcBand>";
        assertThat(PidfLoParser.parsePidf(pidf(arcBand)).problem()).contains("ArcBand").contains("not supported");
        String civic = "<cl:civicAddress><cl:country>ID</cl:country><cl:A1>DI Yogyakarta</cl:A1><cl:A2>Sleman</cl:A2></cl:civicAddress>";
        assertThat(PidfLoParser.parsePidf(pidf(civic)).problem()).contains("civic address");
        assertThat(PidfLoParser.parsePidf(pidf("")).problem()).contains("location-info is empty");
    }

    @Test
    void theFirstUsableLocationWinsAndAllFailuresAreListed() {
        String twoTuples = pidf(point("urn:ogc:def:crs:EPSG::3857", "-859000 12284000") + CIRCLE_15M);
        assertThat(PidfLoParser.parsePidf(twoTuples).fix().orElseThrow().uncertaintyMeters()).isEqualTo(15.0);

        String bothBad = pidf(point("urn:ogc:def:crs:EPSG::3857", "1 2") + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\"/>");
        assertThat(PidfLoParser.parsePidf(bothBad).problem()).contains("EPSG::3857").contains("no gml:pos").contains("device 'd1'");
    }

    @Test
    void anRfc4119TupleWithStatusIsRead() {
        String tuple = """
                <presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10"
                    xmlns:gml="http://www.opengis.net/gml" entity="pres:caller@example.com">
                  <tuple id="t1"><status><gp:geopriv><gp:location-info>
                    <gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>-7.80 110.37</gml:pos></gml:Point>
                  </gp:location-info></gp:geopriv></status><timestamp>2026-11-28t10:15:30.250z</timestamp></tuple>
                </presence>""";
        LocationFix fix = PidfLoParser.parsePidf(tuple).fix().orElseThrow();
        assertThat(fix.method()).as("no gp:method").isEmpty();
        assertThat(fix.timestamp()).as("RFC 3339 allows lower-case t and z").contains(Instant.parse("2026-11-28T10:15:30.250Z"));
    }

    @Test
    void aMissingOrBrokenTimestampLeavesTheFixUntimed() {
        assertThat(PidfLoParser.parsePidf(pidf(CIRCLE_15M, "")).fix().orElseThrow().timestamp()).isEmpty();
        assertThat(PidfLoParser.parsePidf(pidf(CIRCLE_15M, "<dm:timestamp>yesterday</dm:timestamp>")).fix().orElseThrow().timestamp())
                .isEmpty();
    }

    @Test
    void documentsWithoutALocationSaySo() {
        assertThat(PidfLoParser.parsePidf("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\"/>").problem())
                .contains("no gp:geopriv");
        assertThat(PidfLoParser.parsePidf("<presence entity=\"pres:a@b\"/>").problem()).as("no namespace").contains("not the PIDF presence");
        assertThat(PidfLoParser.parsePidf("<html><body>hello</body></html>").problem()).contains("not the PIDF presence");
    }

    @Test
    void garbageIsReportedNotThrown() {
        PidfLoResult truncated = parseFixture("pidf-garbage.xml");
        assertThat(truncated.fix()).isEmpty();
        assertThat(truncated.problem()).contains("not acceptable XML");
        for (String junk : new String[] {"", "   ", "not xml at all", "<", "<presence", "\u0000\u0001\u0002", "<?xml version=\"9\"?><a/>",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><tuple><status><gp:geopriv/></status></tuple></presence>"}) {
            PidfLoResult result = PidfLoParser.parsePidf(junk);
            assertThat(result.fix()).as(junk).isEmpty();
            assertThat(result.problem()).as(junk).isNotBlank().doesNotContain("bug");
        }
        assertThat(PidfLoParser.parsePidf(null).problem()).contains("empty");
    }

    @Test
    void theParserAThreadReusesIsCleanAfterEveryKindOfFailure() {
        String good = pidf(CIRCLE_15M, "");
        for (String before : new String[] {"<presence", "\u0000", "<html/>", "<?xml version=\"9\"?><a/>"}) {
            PidfLoParser.parsePidf(before);
            assertThat(PidfLoParser.parsePidf(good).fix()).as("after %s", before).isPresent();
        }
        PidfLoParser.parsePidf(good);
        assertThat(parseFixture("pidf-xxe.xml").problem()).as("after a good document").contains("DOCTYPE");
        assertThat(PidfLoParser.parsePidf(good).fix()).as("after an XXE attempt").isPresent();
    }

    @Test
    void anXxeAttemptIsRefusedAtTheDoctypeAndReadsNoFile() {
        PidfLoResult result = parseFixture("pidf-xxe.xml");
        assertThat(result.fix()).isEmpty();
        assertThat(result.problem()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void noEntityOfAnyKindIsFetchedFromFileOrNetwork(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "CANARY-7f3a");
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] dtd = ("<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            String body = pidf(CIRCLE_15M).replace("<gp:method>GPS</gp:method>", "<gp:method>&leak;</gp:method>")
                    .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
            for (String doctype : new String[] {
                    "<!DOCTYPE presence [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>",
                    "<!DOCTYPE presence [<!ENTITY leak SYSTEM \"" + url + "\">]>",
                    "<!DOCTYPE presence SYSTEM \"" + url + "\">",
                    "<!DOCTYPE presence [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>"}) {
                PidfLoResult result = PidfLoParser.parsePidf(doctype + body);
                assertThat(result.fix()).as(doctype).isEmpty();
                assertThat(result.problem()).as(doctype).contains("DOCTYPE").doesNotContain("CANARY");
            }
            assertThat(fetches).as("requests that reached the attacker's server").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String lol = "<!DOCTYPE presence [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
        PidfLoResult result = PidfLoParser.parsePidf(lol + pidf(CIRCLE_15M).replace("<gp:method>GPS", "<gp:method>&d;")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""));
        assertThat(result.problem()).contains("DOCTYPE");
    }

    @Test
    void aDocumentOverSixtyFourKilobytesIsRefusedUnparsed() {
        String padded = pidf(CIRCLE_15M, "<!--" + "x".repeat(PidfLoDocument.MAX_BYTES) + "-->");
        assertThat(PidfLoParser.parsePidf(padded).problem()).contains("exceeds the limit");
    }

    @Test
    void textEchoedIntoProblemsCannotForgeLogLines() {
        String forged = point("EPSG:4326\n2026-11-28 INFO routed call to Polres Fake", "-7.7 110.3");
        String problem = PidfLoParser.parsePidf(pidf(forged)).problem();
        assertThat(problem).doesNotContain("\n").doesNotContain("\r");

        String noisyMethod = pidf(CIRCLE_15M).replace("<gp:method>GPS</gp:method>", "<gp:method>\n  GPS\r\n  " + "y".repeat(500) + "</gp:method>");
        assertThat(PidfLoParser.parsePidf(noisyMethod).fix().orElseThrow().method()).startsWith("GPS y").hasSize(64).doesNotContain("\n");
    }

    @Test
    void aNamespaceEchoedIntoAProblemCannotForgeALogLineEither() {
        // XML 1.0 allows U+007F-U+009F in attribute values, so in a namespace name (found by PidfLoFuzzTests)
        String root = PidfLoParser.parsePidf("<presence xmlns=\"urn:ietf:pa\u0085\u007f:ns:pidf\"/>").problem();
        String shape = PidfLoParser.parsePidf(pidf("<gs:Cube xmlns:gs=\"http://www.opengis.net/pidflo/1.0\u009b2J\"/>")).problem();

        assertThat(root).contains("not the PIDF presence").doesNotContain("\u0085", "\u007f");
        assertThat(shape).contains("is not supported").doesNotContain("\u009b");
    }
}
