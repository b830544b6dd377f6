package org.sundwerk.ingestion;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the raw bytes of an uplink into named values when the network server sent no decoded
 * object. The shipped decoders read big-endian fields of the demo's sensor kinds; their field names
 * are what the device registry maps to attributes.
 */
public enum PayloadDecoder {
  /** Two unsigned 16-bit fields: free spaces, then total spaces. */
  PARKING_OCCUPANCY(4) {
    @Override
    void read(ByteBuffer in, ObjectNode out) {
      int free = Short.toUnsignedInt(in.getShort());
      int total = Short.toUnsignedInt(in.getShort());
      out.put("free", free);
      out.put("total", total);
      out.put("occupancy", total == 0 ? 0.0 : round2(1.0 - (double) free / total));
    }
  },
  /** Three unsigned 16-bit fields in tenths of µg/m³: NO2, PM10, PM2.5. */
  AIR_QUALITY(6) {
    @Override
    void read(ByteBuffer in, ObjectNode out) {
      out.put("no2", Short.toUnsignedInt(in.getShort()) / 10.0);
      out.put("pm10", Short.toUnsignedInt(in.getShort()) / 10.0);
      out.put("pm25", Short.toUnsignedInt(in.getShort()) / 10.0);
    }
  },
  /**
   * A signed 16-bit water temperature in hundredths of °C, then an unsigned 16-bit E. coli count
   * per 100 ml.
   */
  WATER_TEMPERATURE(4) {
    @Override
    void read(ByteBuffer in, ObjectNode out) {
      out.put("temperature", in.getShort() / 100.0);
      out.put("ecoli", Short.toUnsignedInt(in.getShort()));
    }
  },
  /** One unsigned byte: fill level in percent (0 to 100). */
  BIN_FILL_LEVEL(1) {
    @Override
    void read(ByteBuffer in, ObjectNode out) {
      int percent = Byte.toUnsignedInt(in.get());
      if (percent > 100) {
        throw new RejectedMessageException(
            Rejection.UNDECODABLE, "fill level " + percent + " % is above 100");
      }
      out.put("fillingLevel", percent / 100.0);
    }
  };

  private final int length;

  PayloadDecoder(int length) {
    this.length = length;
  }

  /**
   * @throws RejectedMessageException {@link Rejection#UNDECODABLE} when the bytes do not fit
   */
  public ObjectNode decode(byte[] payload) {
    if (payload.length != length) {
      throw new RejectedMessageException(
          Rejection.UNDECODABLE,
          name() + " expects " + length + " bytes, the payload has " + payload.length);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    read(ByteBuffer.wrap(payload), out);
    return out;
  }

  abstract void read(ByteBuffer in, ObjectNode out);

  /** The decoder named like {@code parking-occupancy} in a registry file. */
  public static Optional<PayloadDecoder> named(String name) {
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
