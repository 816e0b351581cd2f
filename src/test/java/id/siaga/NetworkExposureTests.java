package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.tracking.internal.OsmAndHttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, finding 9: the one setting that opens Siaga 110 to the network. With siaga.bind-address=0.0.0.0 the
 * consoles and the API and the GPS door take connections on every address of the machine (here 127.0.0.2: Linux routes
 * all of 127/8 to loopback, and only a socket bound to every interface takes it). Without it they listen on 127.0.0.1
 * only (TlsProfileTests#nothingListensBeyondThisMachineByDefault).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:networkexposure;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "siaga.journal.spool-file=target/fork-${siaga.test.fork:1}/networkexposure-spool.jsonl",
        "siaga.telephony.enabled=false",
        "siaga.tracking.osmand-port=0",
        "siaga.tracking.mqtt.enabled=false",
        "siaga.bind-address=0.0.0.0"})
class NetworkExposureTests {

    @LocalServerPort
    int port;
    @Autowired
    OsmAndHttpServer door;

    @Test
    void oneSettingOpensTheConsolesTheApiAndTheGpsDoorToTheNetwork() {
        for (int p : new int[] {port, door.port()}) {
            assertThat(reachable("127.0.0.1", p)).as("127.0.0.1:%d", p).isTrue();
            assertThat(reachable("127.0.0.2", p)).as("127.0.0.2:%d (another address of this machine)", p).isTrue();
        }
    }

    static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName(host), port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(host + ":" + port + ": " + e, e);
        }
    }
}
