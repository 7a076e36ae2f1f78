package org.casebridge.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each item type accepts well-formed identifiers and names the bad field by its path. */
class RequestItemTest {

    private static final Instant SEEN = Instant.parse("2025-05-01T10:15:00Z");
    private static final TimeRange MAY = new TimeRange(Instant.parse("2025-05-01T00:00:00Z"),
            Instant.parse("2025-05-31T23:59:59Z"));

    private static List<String> fieldsOf(RequestItem... items) {
        return RequestItem.violations(List.of(items)).stream().map(FieldViolation::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::", "::1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1:2:3:4:5:6", "::ffff:192.0.2.128", "1::",
            "1:2:3:4:5:6:7::"})
    void acceptsIpAddresses(String address) {
        assertThat(fieldsOf(new RequestItem.IpAddress(address, 443, SEEN, MAY))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "example.org", "localhost", "abc",
            "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "fe80::1%eth0", "::ffff:999.0.0.1",
            "1:2:3:4:5:6:7:8::", " 192.0.2.1", "g::1"})
    void refusesMalformedIpAddressesWithoutResolvingThem(String address) {
        assertThat(fieldsOf(new RequestItem.Domain("example.org", null),
                new RequestItem.IpAddress(address, 443, SEEN, MAY))).containsExactly("items[1].address");
    }

    @Test
    void anIpAddressNeedsATimestampAndAValidPort() {
        assertThat(fieldsOf(new RequestItem.IpAddress("192.0.2.1", null, SEEN, null))).isEmpty();
        assertThat(fieldsOf(new RequestItem.IpAddress("192.0.2.1", 0, SEEN, null))).isEmpty();
        assertThat(fieldsOf(new RequestItem.IpAddress("192.0.2.1", 65535, SEEN, null))).isEmpty();
        assertThat(fieldsOf(new RequestItem.IpAddress("192.0.2.1", 65536, null, null)))
                .containsExactly("items[0].port", "items[0].timestamp");
        assertThat(fieldsOf(new RequestItem.IpAddress("192.0.2.1", -1, SEEN, null))).containsExactly("items[0].port");
        assertThat(fieldsOf(new RequestItem.IpAddress(null, 80, SEEN, null))).containsExactly("items[0].address");
    }

    @Test
    void timeRangesMustBeOrdered() {
        TimeRange reversed = new TimeRange(MAY.to(), MAY.from());
        assertThat(fieldsOf(new RequestItem.Domain("example.org", reversed))).containsExactly("items[0].timeRange");
        TimeRange instant = new TimeRange(SEEN, SEEN);
        assertThat(fieldsOf(new RequestItem.Domain("example.org", instant))).isEmpty();
        assertThat(fieldsOf(new RequestItem.Domain("example.org", new TimeRange(null, SEEN))))
                .containsExactly("items[0].timeRange.from");
    }

    @Test
    void domains() {
        for (String good : List.of("example.org", "mail.example.co.uk", "xn--bcher-kva.example", "bücher.example",
                "abc.onion", "example.org.", "a-b.example")) {
            assertThat(fieldsOf(new RequestItem.Domain(good, null))).as(good).isEmpty();
        }
        for (String bad : List.of("localhost", "-bad.example", "bad-.example", "ex ample.org", "example..org",
                "192.0.2.1", "a".repeat(64) + ".example", "http://example.org", "")) {
            assertThat(fieldsOf(new RequestItem.Domain(bad, null))).as(bad).containsExactly("items[0].domain");
        }
    }

    @Test
    void urls() {
        for (String good : List.of("https://example.org/path?q=1#x", "http://192.0.2.1:8080/", "http://[2001:db8::1]/",
                "ftp://files.example.org/a.zip", "HTTPS://EXAMPLE.ORG")) {
            assertThat(fieldsOf(new RequestItem.Url(good, null))).as(good).isEmpty();
        }
        for (String bad : List.of("example.org/path", "javascript:alert(1)", "file:///etc/passwd", "https://",
                "https://exa mple.org/", "https://localhost/", "mailto:a@example.org")) {
            assertThat(fieldsOf(new RequestItem.Url(bad, null))).as(bad).containsExactly("items[0].url");
        }
    }

    @Test
    void emailAddresses() {
        for (String good : List.of("a@example.org", "first.last+tag@mail.example.co.uk", "o'brien@example.ie")) {
            assertThat(fieldsOf(new RequestItem.EmailAddress(good, null))).as(good).isEmpty();
        }
        for (String bad : List.of("a", "@example.org", "a@", "a@@example.org", "a..b@example.org", ".a@example.org",
                "a b@example.org", "a@localhost", "a@example..org")) {
            assertThat(fieldsOf(new RequestItem.EmailAddress(bad, null))).as(bad).containsExactly("items[0].address");
        }
    }

    @Test
    void phoneNumbersInE164() {
        for (String good : List.of("+4930123456", "+12025550123", "+441632960961")) {
            assertThat(fieldsOf(new RequestItem.PhoneNumber(good, null))).as(good).isEmpty();
        }
        for (String bad : List.of("030123456", "+49 30 123456", "+0123456", "+1234567890123456", "+", "+49-30-1")) {
            assertThat(fieldsOf(new RequestItem.PhoneNumber(bad, null))).as(bad).containsExactly("items[0].number");
        }
    }

    @Test
    void accountsNameServiceAndHandle() {
        assertThat(fieldsOf(new RequestItem.Account("telegram.org", "@suspect", null))).isEmpty();
        assertThat(fieldsOf(new RequestItem.Account(" ", null, null)))
                .containsExactly("items[0].service", "items[0].handle");
    }

    @Test
    void bitcoinAddressesAreCheckedWithTheirChecksums() {
        for (String good : List.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
                "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")) {
            assertThat(fieldsOf(new RequestItem.CryptoAddress("BTC", good, null))).as(good).isEmpty();
        }
        for (String bad : List.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                "0x52908400098527886E0F7030069857D2E4169EE7", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0")) {
            assertThat(fieldsOf(new RequestItem.CryptoAddress("BTC", bad, null))).as(bad)
                    .containsExactly("items[0].address");
        }
    }

    @Test
    void ethereumAndOtherChains() {
        assertThat(fieldsOf(new RequestItem.CryptoAddress("ETH", "0x52908400098527886E0F7030069857D2E4169EE7", null)))
                .isEmpty();
        assertThat(fieldsOf(new RequestItem.CryptoAddress("ETH", "52908400098527886E0F7030069857D2E4169EE7", null)))
                .containsExactly("items[0].address");
        assertThat(fieldsOf(new RequestItem.CryptoAddress("ETH", "0x52908400098527886E0F7030069857D2E4169EE", null)))
                .containsExactly("items[0].address");
        assertThat(fieldsOf(new RequestItem.CryptoAddress("XMR", "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A", null)))
                .isEmpty();
        assertThat(fieldsOf(new RequestItem.CryptoAddress(null, "abc", null))).containsExactly("items[0].chain");
        assertThat(fieldsOf(new RequestItem.CryptoAddress("XMR", "has space", null)))
                .containsExactly("items[0].address");
        assertThat(fieldsOf(new RequestItem.CryptoAddress("BTC", "", null))).containsExactly("items[0].address");
    }

    @Test
    void fileHashesHaveTheirAlgorithmsLength() {
        assertThat(fieldsOf(new RequestItem.FileHash(HashAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427e", null)))
                .isEmpty();
        assertThat(fieldsOf(new RequestItem.FileHash(HashAlgorithm.SHA_1,
                "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709", null))).isEmpty();
        assertThat(fieldsOf(new RequestItem.FileHash(HashAlgorithm.SHA_256, "e3b0c44298fc1c149afbf4c8996fb924"
                + "27ae41e4649b934ca495991b7852b855", null))).isEmpty();
        assertThat(fieldsOf(new RequestItem.FileHash(HashAlgorithm.SHA_512, "ab".repeat(64), null))).isEmpty();
        assertThat(fieldsOf(new RequestItem.FileHash(HashAlgorithm.SHA_256, "d41d8cd98f00b204e9800998ecf8427e", null)))
                .containsExactly("items[0].hash");
        assertThat(fieldsOf(new RequestItem.FileHash(HashAlgorithm.MD5, "z41d8cd98f00b204e9800998ecf8427e", null)))
                .containsExactly("items[0].hash");
        assertThat(fieldsOf(new RequestItem.FileHash(null, "d41d8cd98f00b204e9800998ecf8427e", null)))
                .containsExactly("items[0].algorithm");
    }

    @Test
    void validationReportsEveryBadItemAtOnce() {
        List<RequestItem> items = List.of(
                new RequestItem.Domain("example.org", MAY),
                new RequestItem.EmailAddress("not-an-address", MAY),
                new RequestItem.IpAddress("300.1.1.1", 70000, SEEN, MAY));
        assertThatThrownBy(() -> RequestItem.validate(items))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("items[1].address", "items[2].address", "items[2].port"))
                .hasMessageContaining("items[2].port");
    }
}
