package org.sundwerk.ngsild.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard as a table: URL and allow-list -> allowed or not. IP literals only: no DNS. */
class UrlGuardTest {

  @ParameterizedTest(name = "{0} with allow-list [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "http://8.8.8.8/ctx.jsonld            | -              | true",
        "https://[2001:4860::8888]/ctx        | -              | true",
        "http://127.0.0.1/ctx                 | -              | false",
        "http://127.8.9.1/ctx                 | -              | false",
        "http://[::1]/ctx                     | -              | false",
        "http://0.0.0.0/ctx                   | -              | false",
        "http://10.1.2.3/ctx                  | -              | false",
        "http://172.16.5.4/ctx                | -              | false",
        "http://172.31.255.255/ctx            | -              | false",
        "http://172.32.0.1/ctx                | -              | true",
        "http://192.168.1.1/ctx               | -              | false",
        "http://169.254.169.254/latest        | -              | false",
        "http://100.64.0.1/ctx                | -              | false",
        "http://100.127.255.255/ctx           | -              | false",
        "http://100.128.0.1/ctx               | -              | true",
        "http://224.0.0.1/ctx                 | -              | false",
        "http://[fc00::1]/ctx                 | -              | false",
        "http://[fd12:3456::1]/ctx            | -              | false",
        "http://[fe80::1]/ctx                 | -              | false",
        "http://[ff02::1]/ctx                 | -              | false",
        "http://[::ffff:127.0.0.1]/ctx        | -              | false",
        "http://[::127.0.0.1]:8080/ctx        | -              | false",
        "http://[::7f00:1]/ctx                | -              | false",
        "http://[::8.8.8.8]/ctx               | -              | false",
        "http://[::]/ctx                      | -              | false",
        "http://[::ffff:10.0.0.1]/ctx         | -              | false",
        "http://[::ffff:0:127.0.0.1]/ctx      | -              | false",
        "http://[::ffff:0:8.8.8.8]/ctx        | -              | true",
        "http://[64:ff9b::127.0.0.1]/ctx      | -              | false",
        "http://[64:ff9b::a9fe:a9fe]/ctx      | -              | false",
        "http://[64:ff9b::8.8.8.8]/ctx        | -              | true",
        "http://[64:ff9b:1::808:808]/ctx      | -              | false",
        "http://[2002:7f00:1::]/ctx           | -              | false",
        "http://[2002:c0a8:101::1]/ctx        | -              | false",
        "http://[2002:a9fe:a9fe::]/ctx        | -              | false",
        "http://[2002:808:808::1]/ctx         | -              | true",
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/ctx | - | false",
        "http://[2001:0:7f00:1::1]/ctx        | -              | false",
        "http://[2001:0:808:808::f5ff:fffe]/ctx | -            | false",
        "http://[2001:0:808:808::f7f7:f7f7]/ctx | -            | true",
        "http://[100::1]/ctx                  | -              | false",
        "http://192.0.0.8/ctx                 | -              | false",
        "http://198.18.0.1/ctx                | -              | false",
        "http://240.0.0.1/ctx                 | -              | false",
        "http://255.255.255.255/ctx           | -              | false",
        "http://[::127.0.0.1]/ctx             | 127.0.0.1      | false",
        "http://[::127.0.0.1]/ctx             | ::/96          | true",
        "ftp://8.8.8.8/ctx                    | -              | false",
        "file:///etc/passwd                   | -              | false",
        "http://10.1.2.3/ctx                  | 10.0.0.0/8     | true",
        "http://192.168.1.1/ctx               | 10.0.0.0/8     | false",
        "http://127.0.0.1/ctx                 | 127.0.0.1      | true",
        "http://[::1]/ctx                     | ::1            | true",
        "http://[fd12:3456::1]/ctx            | fd12::/16      | true",
      })
  void checksTheUrl(String url, String allowed, boolean expected) {
    UrlGuard guard = new UrlGuard(allowed == null ? List.of() : List.of(allowed), false);

    assertThat(guard.check(URI.create(url)))
        .isInstanceOf(expected ? UrlGuard.Verdict.Allowed.class : UrlGuard.Verdict.Denied.class);
  }

  @ParameterizedTest
  @CsvSource({"http://127.0.0.1/ctx", "http://10.0.0.1/ctx", "http://[fe80::1]/ctx"})
  void admitsEverythingWhenPrivateNetworksAreAllowed(String url) {
    assertThat(new UrlGuard(List.of(), true).check(URI.create(url)))
        .isInstanceOf(UrlGuard.Verdict.Allowed.class);
  }
}
