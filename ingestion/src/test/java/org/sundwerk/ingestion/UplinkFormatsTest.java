package org.sundwerk.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the uplink events of ChirpStack v4 and The Things Stack v3. */
class UplinkFormatsTest {

  @Test
  void readsAChirpStackUplink() {
    Uplink uplink =
        UplinkFormats.chirpStack(
            bytes(
                "{'deduplicationId':'d-1','time':'2026-07-18T09:33:28.5+00:00',"
                    + "'deviceInfo':{'devEui':'70B3D57ED0000001'},'fCnt':12,'data':'AHgBIg==',"
                    + "'object':{'free':47}}"));

    assertThat(uplink.devEui()).isEqualTo("70b3d57ed0000001");
    assertThat(uplink.time()).contains(Instant.parse("2026-07-18T09:33:28.500Z"));
    assertThat(uplink.frameCounter()).isEqualTo(12);
    assertThat(uplink.deliveryId()).isEqualTo("d-1");
    assertThat(uplink.decoded())
        .hasValueSatisfying(o -> assertThat(o.get("free").asInt()).isEqualTo(47));
    assertThat(uplink.payload()).containsExactly(0x00, 0x78, 0x01, 0x22);
  }

  @Test
  void readsAThingsStackUplinkByItsUplinkCorrelationId() {
    Uplink uplink =
        UplinkFormats.thingsStack(
            bytes(
                "{'end_device_ids':{'dev_eui':'70B3D57ED0000101'},"
                    + "'correlation_ids':['gs:conn:1','as:up:XYZ'],"
                    + "'received_at':'2026-07-18T11:00:03Z',"
                    + "'uplink_message':{'frm_payload':'Vw==','received_at':'2026-07-18T11:00:02Z'}}"));

    assertThat(uplink.devEui()).isEqualTo("70b3d57ed0000101");
    assertThat(uplink.deliveryId()).isEqualTo("as:up:XYZ");
    assertThat(uplink.frameCounter()).as("f_cnt 0 is omitted by the encoder").isZero();
    assertThat(uplink.time()).contains(Instant.parse("2026-07-18T11:00:02Z"));
    assertThat(uplink.decoded()).isEmpty();
    assertThat(uplink.payload()).containsExactly(87);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[]                                                                  | not a JSON object",
        "{'deviceInfo':{'devEui':'70b3d57ed0000001'}}                         | deduplicationId",
        "{'deduplicationId':'d','deviceInfo':{}}                              | deviceInfo.devEui",
        "{'deduplicationId':'d','deviceInfo':{'devEui':'xyz'}}                | 16 hex digits",
        "{'deduplicationId':'d','deviceInfo':{'devEui':'70b3d57ed0000001'},'fCnt':-1} | fCnt",
        "{'deduplicationId':'d','deviceInfo':{'devEui':'70b3d57ed0000001'},'time':'yesterday'} | time",
        "{'deduplicationId':'d','deviceInfo':{'devEui':'70b3d57ed0000001'},'time':'+999999999-12-31T23:59:59Z'} | years 0000 to 9999",
        "{'deduplicationId':'d','deviceInfo':{'devEui':'70b3d57ed0000001'},'data':'***'} | base64",
        "{'deduplicationId':'d','deviceInfo':{'devEui':'70b3d57ed0000001'},'object':[1]} | object",
      })
  void rejectsAMalformedChirpStackUplinkNamingTheMember(String json, String named) {
    assertThatThrownBy(() -> UplinkFormats.chirpStack(bytes(json)))
        .isInstanceOfSatisfying(
            RejectedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(Rejection.MALFORMED))
        .hasMessageContaining(named);
  }

  @Test
  void rejectsAThingsStackMessageThatIsNoUplink() {
    assertThatThrownBy(
            () ->
                UplinkFormats.thingsStack(
                    bytes("{'end_device_ids':{'dev_eui':'70b3d57ed0000101'},'join_accept':{}}")))
        .hasMessageContaining("uplink_message");
  }

  @Test
  void rejectsBytesThatAreNotJson() {
    assertThatThrownBy(() -> UplinkFormats.chirpStack(new byte[] {1, 2, 3}))
        .hasMessageContaining("not JSON");
  }

  private static byte[] bytes(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }
}
