package org.sundwerk.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The shipped payload decoders of the demo's sensor kinds. */
class PayloadDecoderTest {

  @Property
  void parkingOccupancyReadsWhatTheCounterWrote(
      @ForAll @IntRange(min = 0, max = 2000) int free,
      @ForAll @IntRange(min = 1, max = 2000) int extra) {
    int total = free + extra;
    ObjectNode values =
        PayloadDecoder.PARKING_OCCUPANCY.decode(
            ByteBuffer.allocate(4).putShort((short) free).putShort((short) total).array());

    assertThat(values.get("free").asInt()).isEqualTo(free);
    assertThat(values.get("total").asInt()).isEqualTo(total);
    assertThat(values.get("occupancy").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void airQualityIsInTenthsOfMicrogramsPerCubicMetre() {
    ObjectNode values =
        PayloadDecoder.AIR_QUALITY.decode(
            ByteBuffer.allocate(6)
                .putShort((short) 215)
                .putShort((short) 140)
                .putShort((short) 84)
                .array());

    assertThat(values.get("no2").asDouble()).isEqualTo(21.5);
    assertThat(values.get("pm10").asDouble()).isEqualTo(14.0);
    assertThat(values.get("pm25").asDouble()).isEqualTo(8.4);
  }

  @Test
  void waterTemperatureIsSignedHundredthsOfADegree() {
    ObjectNode values =
        PayloadDecoder.WATER_TEMPERATURE.decode(
            ByteBuffer.allocate(4).putShort((short) -150).putShort((short) 42).array());

    assertThat(values.get("temperature").asDouble()).isEqualTo(-1.5);
    assertThat(values.get("ecoli").asInt()).isEqualTo(42);
  }

  @Test
  void binFillLevelIsAPercentage() {
    assertThat(PayloadDecoder.BIN_FILL_LEVEL.decode(new byte[] {87}).get("fillingLevel").asDouble())
        .isEqualTo(0.87);
    assertThatThrownBy(() -> PayloadDecoder.BIN_FILL_LEVEL.decode(new byte[] {(byte) 101}))
        .hasMessageContaining("above 100");
  }

  @Test
  void rejectsAPayloadOfTheWrongLength() {
    assertThatThrownBy(() -> PayloadDecoder.AIR_QUALITY.decode(new byte[] {1, 2}))
        .isInstanceOfSatisfying(
            RejectedMessageException.class,
            e -> assertThat(e.reason()).isEqualTo(Rejection.UNDECODABLE))
        .hasMessageContaining("expects 6 bytes");
  }

  @Test
  void isFoundByItsRegistryName() {
    assertThat(PayloadDecoder.named("bin-fill-level")).contains(PayloadDecoder.BIN_FILL_LEVEL);
    assertThat(PayloadDecoder.named("teapot")).isEmpty();
  }
}
