package id.siaga.location;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.StationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Location by value from captured emergency INVITEs (RFC 6442): the Geolocation header, the body, the PIDF-LO. */
class PidfLoInviteTests {

    static final String SLEMAN = "invite-sleman-circle.sip";

    @Test
    void aCallerInSlemanSendsAGpsCircleByValueAndReachesPolresSleman() {
        SipFixture invite = SipFixture.read(SLEMAN);
        assertThat(invite.header("Geolocation-Routing")).isEqualTo("no");
        assertThat(invite.body()).hasSize(Integer.parseInt(invite.header("Content-Length")));

        PidfLoResult result = invite.locate();

        assertThat(result.problem()).isEmpty();
        assertThat(result.references()).isEmpty();
        LocationFix fix = result.fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.7156);
        assertThat(fix.longitude()).isEqualTo(110.3558);
        assertThat(fix.uncertaintyMeters()).isEqualTo(15.0);
        assertThat(fix.source()).isEqualTo(LocationSource.PIDF_LO);
        assertThat(fix.method()).isEqualTo("GPS");
        assertThat(fix.timestamp()).contains(Instant.parse("2026-11-28T10:15:30Z"));

        JurisdictionIndex demo = new JurisdictionIndex(DemoRegion.load(), 20_000);
        assertThat(demo.locate(fix.latitude(), fix.longitude()).station()).isEqualTo(StationId.of("POLRES-3404"));
    }

    @Test
    void fixturesAreCrlfAsSipSendsThem() {
        for (String name : new String[] {SLEMAN, "invite-reference-and-value.sip", "invite-pidf-body.sip", "invite-by-reference.sip",
                "pidf-point-bantul.xml", "pidf-xxe.xml"}) {
            String text = SipFixture.text(name);
            assertThat(text).as(name).contains("\r\n");
            assertThat(text.replace("\r\n", "")).as(name + " has no bare LF").doesNotContain("\n");
        }
    }

    @Test
    void aQuotedBoundaryWithSpaceAndColonIsHonoured() {
        assertThat(SipFixture.read(SLEMAN).header("Content-Type")).isEqualTo("multipart/mixed; boundary=\"siaga-110 boundary:7f3a\"");
        assertThat(SipFixture.read(SLEMAN).locate().located()).isTrue();
    }

    @Test
    void theSameInviteWithBareLfLineEndingsGivesTheSameFix() {
        String lf = SipFixture.text(SLEMAN).replace("\r\n", "\n");
        SipFixture invite = SipFixture.parse(lf.getBytes(StandardCharsets.UTF_8));
        assertThat(invite.locate().fix()).isEqualTo(SipFixture.read(SLEMAN).locate().fix());
    }

    @Test
    void aReferenceAndAPercentEscapedCidInAnotherCaseStillResolveByValue() {
        SipFixture invite = SipFixture.read("invite-reference-and-value.sip");
        assertThat(invite.header("Content-Type")).isEqualTo("multipart/mixed;boundary=MIME_boundary_isat_0042");

        PidfLoResult result = invite.locate();

        LocationFix fix = result.fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.888);
        assertThat(fix.longitude()).isEqualTo(110.3287);
        assertThat(fix.uncertaintyMeters()).isNaN();
        assertThat(fix.method()).isEqualTo("Cell");
        assertThat(fix.timestamp()).contains(Instant.parse("2026-11-28T10:20:05Z"));
        assertThat(result.references()).containsExactly("https://lis.indosat.example/held/loc/8f3a2b");
    }

    @Test
    void aBodyThatIsThePidfItselfIsAccepted() {
        LocationFix fix = SipFixture.read("invite-pidf-body.sip").locate().fix().orElseThrow();
        assertThat(fix.latitude()).isEqualTo(-7.7926);
        assertThat(fix.longitude()).isEqualTo(110.3658);
        assertThat(fix.method()).isEqualTo("Wiremap");
    }

    @Test
    void locationByReferenceIsNotFetchedHereButHandedOn() {
        PidfLoResult result = SipFixture.read("invite-by-reference.sip").locate();
        assertThat(result.fix()).isEmpty();
        assertThat(result.problem()).contains("by reference").contains("https://lis.xl.example/held/loc/5c9d1e");
        assertThat(result.references()).containsExactly("https://lis.xl.example/held/loc/5c9d1e");
    }

    @Test
    void sipAndPresReferencesAreReferencesToo() {
        PidfLoResult result = PidfLoParser.fromInvite("<sip:loc@lis.example>, <pres:+628123@ims.example>", null, null);
        assertThat(result.references()).containsExactly("sip:loc@lis.example", "pres:+628123@ims.example");
        assertThat(result.problem()).contains("by reference");
    }

    @Test
    void anInviteWithoutGeolocationSaysSo() {
        SipFixture invite = SipFixture.read(SLEMAN);
        PidfLoResult result = PidfLoParser.fromInvite(null, invite.header("Content-Type"), invite.body());
        assertThat(result.fix()).isEmpty();
        assertThat(result.problem()).contains("no Geolocation header");
        assertThat(PidfLoParser.fromInvite("  ", null, null).problem()).contains("no Geolocation header");
    }

    @Test
    void aCidWithoutAMatchingPartIsReported() {
        SipFixture invite = SipFixture.read(SLEMAN);
        PidfLoResult result = PidfLoParser.fromInvite("<cid:elsewhere@ims.telkomsel.example>", invite.header("Content-Type"), invite.body());
        assertThat(result.fix()).isEmpty();
        assertThat(result.problem()).contains("no body part has Content-ID").contains("elsewhere@ims.telkomsel.example");
    }

    @Test
    void aCidWhoseBodyHasNoPidfIsReported() {
        SipFixture sdpOnly = SipFixture.read("invite-by-reference.sip");
        assertThat(PidfLoParser.fromInvite("<cid:x@y>", sdpOnly.header("Content-Type"), sdpOnly.body()).problem())
                .contains("application/sdp");
        assertThat(PidfLoParser.fromInvite("<cid:x@y>", null, null).problem()).contains("no body");
        assertThat(PidfLoParser.fromInvite("<cid:x@y>", null, sdpOnly.body()).problem()).contains("no Content-Type");
    }

    @Test
    void aCidEchoedIntoAProblemCannotForgeALogLine() {
        // a cid URL is %-decoded (RFC 2392), so %00 or %0A in it becomes a control character (found by SipInviteFuzzTests)
        SipFixture sdpOnly = SipFixture.read("invite-by-reference.sip");
        for (String problem : new String[] {
                PidfLoParser.fromInvite("<cid:x%0A2026-12-03 INFO routed@y>", null, null).problem(),
                PidfLoParser.fromInvite("<cid:x%00@y>", null, sdpOnly.body()).problem(),
                PidfLoParser.fromInvite("<cid:x%1B[2J@y>", sdpOnly.header("Content-Type").replace("multipart", "text"), sdpOnly.body()).problem()}) {
            assertThat(problem).startsWith("Geolocation points to").doesNotContain("\n", "\u0000", "\u001b");
        }
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsReported() {
        SipFixture invite = SipFixture.read(SLEMAN);
        assertThat(PidfLoParser.fromInvite(invite.header("Geolocation"), "multipart/mixed", invite.body()).problem())
                .contains("boundary");
        assertThat(PidfLoParser.fromInvite(invite.header("Geolocation"), "multipart/mixed; boundary=nowhere", invite.body()).problem())
                .contains("no delimiter line");
    }

    @Test
    void aBodyOverSixtyFourKilobytesIsRefusedUnread() {
        byte[] huge = new byte[PidfLoParser.MAX_BODY_BYTES + 1];
        Arrays.fill(huge, (byte) 'x');
        PidfLoResult result = PidfLoParser.fromInvite("<cid:a@b>", "multipart/mixed; boundary=b", huge);
        assertThat(result.fix()).isEmpty();
        assertThat(result.problem()).contains("exceeds the limit");
    }

    @Test
    void aBase64PartIsDecoded() {
        String pidf = SipFixture.text("pidf-point-bantul.xml");
        String body = "--b\r\nContent-Type: application/pidf+xml\r\nContent-ID: <p@x>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(pidf.getBytes(StandardCharsets.UTF_8)) + "\r\n--b--\r\n";
        PidfLoResult result = PidfLoParser.fromInvite("<cid:p@x>", "multipart/mixed; boundary=b", body.getBytes(StandardCharsets.US_ASCII));
        assertThat(result.fix().map(LocationFix::latitude)).contains(-7.888);
    }

    @Test
    void theSecondCidIsTriedWhenTheFirstIsBroken() {
        String good = SipFixture.text("pidf-point-bantul.xml");
        String body = "--b\r\nContent-Type: application/pidf+xml\r\nContent-ID: <bad@x>\r\n\r\n<presence/>\r\n"
                + "--b\r\nContent-Type: application/pidf+xml\r\nContent-ID: <good@x>\r\n\r\n" + good + "\r\n--b--\r\n";
        PidfLoResult result = PidfLoParser.fromInvite("<cid:bad@x>, <cid:good@x>", "multipart/mixed; boundary=b",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(result.fix().map(LocationFix::longitude)).contains(110.3287);
    }

    @Test
    void malformedGeolocationHeadersAreReportedNotThrown() {
        for (String header : new String[] {"<cid:unclosed@x", "<>", ";;;,,,", "<tel:+62274>", "<cid:>",
                "x".repeat(GeolocationHeader.MAX_LENGTH + 1), "<cid:a@b>,".repeat(GeolocationHeader.MAX_VALUES + 1)}) {
            PidfLoResult result = PidfLoParser.fromInvite(header, "application/sdp", "v=0\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(result.fix()).as(header).isEmpty();
            assertThat(result.problem()).as(header).isNotBlank().doesNotContain("bug");
        }
    }

    @Test
    void everyTruncationOfTheSlemanInviteEndsInAFixOrAReasonNeverAnException() {
        SipFixture invite = SipFixture.read(SLEMAN);
        byte[] body = invite.body();
        for (int length = 0; length < body.length; length++) {
            PidfLoResult result = PidfLoParser.fromInvite(invite.header("Geolocation"), invite.header("Content-Type"),
                    Arrays.copyOf(body, length));
            assertThat(result.located() || !result.problem().isBlank()).as("cut at %d", length).isTrue();
            assertThat(result.problem()).as("cut at %d", length).doesNotContain("bug");
        }
    }
}
