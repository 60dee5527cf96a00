package nl.zorgtafel.performance.loaddriver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupTest {

    @TempDir
    Path home;

    @BeforeEach
    void distribution() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.enabled = true\n"
                + "org.osgi.service.http.port = 8181\n");
        Files.writeString(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshHost = 127.0.0.1\nsshPort = 8101\n");
        Files.writeString(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort = 1099\n"
                + "rmiServerPort = 44444\n");
        Files.writeString(home.resolve("etc/zorgtafel-users.properties"), "# people\nloaddriver = old,operator\n"
                + "sdejong = {CRYPT}ab{CRYPT},coordinator\n");
        Files.writeString(home.resolve("etc/keys.properties"), "_g_\\:admingroup = group,admin,ssh\n");
        // a key made earlier: the test does not run ssh-keygen
        Path ssh = Files.createDirectories(home.resolve("data/load-driver/ssh"));
        Files.writeString(ssh.resolve("id_rsa"), "private\n");
        Files.writeString(ssh.resolve("id_rsa.pub"), "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAB loaddriver\n");
    }

    @Test
    void writes_partners_person_and_key() throws Exception {
        Setup setup = new Setup(home);
        Path meeOutbox = home.resolve("data/load-driver/mee-outbox-r1");
        Setup.Credentials credentials = setup.configure(Map.of("ggz", "http://127.0.0.1:4000/ggz"),
                Map.of("mee", meeOutbox));

        assertThat(credentials.tokens()).containsOnlyKeys(MessageMix.PARTNERS);
        String ggz = Files.readString(home.resolve("etc/nl.zorgtafel.partner-ggz.cfg"));
        assertThat(ggz).contains("partnerId = ggz\n", "enabled = true\n", "outboundUrl = http://127.0.0.1:4000/ggz\n",
                "tokenSha256 = " + Setup.sha256Hex(credentials.tokens().get("ggz")) + "\n");
        assertThat(ggz).doesNotContain(credentials.tokens().get("ggz"));
        String mee = Files.readString(home.resolve("etc/nl.zorgtafel.partner-mee.cfg"));
        assertThat(mee).contains("outboundDirectory = " + meeOutbox + "\n");

        String users = Files.readString(home.resolve("etc/zorgtafel-users.properties"));
        assertThat(users).contains("loaddriver = " + credentials.password() + ",coordinator,operator\n")
                .contains("sdejong = {CRYPT}ab{CRYPT},coordinator").doesNotContain("old,operator");
        assertThat(Files.readString(home.resolve("etc/keys.properties")))
                .contains("loaddriver=AAAAB3NzaC1yc2EAAAADAQABAAAB,_g_:admingroup\n");
        assertThat(Setup.sha256Hex("abc")).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void ports_are_read_and_written() throws Exception {
        Setup setup = new Setup(home);
        assertThat(setup.httpPort()).isEqualTo(8181);
        assertThat(setup.sshPort()).isEqualTo(8101);
        setup.writePorts(Map.of("http", 39181, "ssh", 39182, "rmi-registry", 39183, "rmi-server", 39184));
        assertThat(setup.httpPort()).isEqualTo(39181);
        assertThat(setup.sshPort()).isEqualTo(39182);
        assertThat(Files.readString(home.resolve("etc/org.apache.karaf.management.cfg")))
                .contains("rmiRegistryPort = 39183").contains("rmiServerPort = 39184");
        assertThat(Files.readString(home.resolve("etc/org.ops4j.pax.web.cfg")))
                .contains("org.osgi.service.http.enabled = true");
    }
}
