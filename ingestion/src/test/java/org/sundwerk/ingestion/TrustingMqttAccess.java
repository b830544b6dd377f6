package org.sundwerk.ingestion;

import java.util.Optional;

/** Every client may connect, publish and subscribe: for tests about the ingestion itself. */
final class TrustingMqttAccess implements MqttAccess {

  static final MqttAccess INSTANCE = new TrustingMqttAccess();

  private static final Client EVERYTHING =
      new Client() {
        @Override
        public UplinkPermit uplinks() {
          return UplinkPermit.TRUSTED;
        }

        @Override
        public boolean maySubscribe(String topicFilter) {
          return true;
        }
      };

  @Override
  public Optional<Client> connect(String username, byte[] password) {
    return Optional.of(EVERYTHING);
  }

  @Override
  public Optional<Client> anonymous() {
    return Optional.of(EVERYTHING);
  }
}
