package dev.ben.actors.node.servers;

import java.util.Optional;
import javax.net.ssl.SSLEngine;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;
import org.apache.pekko.stream.TLSClosing;
import org.apache.pekko.stream.TLSProtocol;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.TLS;
import org.apache.pekko.stream.javadsl.TLSPlacebo;
import org.apache.pekko.util.ByteString;

/**
 * The TLS layer of a {@link GuardedListener} connection: TLS with the listener's HTTPS context
 * (ben.tls), as Pekko HTTP lays it when it binds itself, or the placebo that passes cleartext.
 */
final class ListenerTls {

  private ListenerTls() {}

  static BidiFlow<
          TLSProtocol.SslTlsOutbound, ByteString, ByteString, TLSProtocol.SslTlsInbound, NotUsed>
      layer(Optional<HttpsConnectionContext> https) {
    return https
        .map(
            context ->
                TLS.create(() -> serverEngine(context), TLSClosing.eagerClose())
                    .mapMaterializedValue(m -> NotUsed.getInstance()))
        .orElseGet(ListenerTls::cleartext);
  }

  private static BidiFlow<
          TLSProtocol.SslTlsOutbound, ByteString, ByteString, TLSProtocol.SslTlsInbound, NotUsed>
      cleartext() {
    BidiFlow<
            TLSProtocol.SslTlsOutbound,
            TLSProtocol.SslTlsOutbound,
            TLSProtocol.SessionBytes,
            TLSProtocol.SslTlsInbound,
            NotUsed>
        widened =
            BidiFlow.fromFlows(
                Flow.<TLSProtocol.SslTlsOutbound>create(),
                Flow.<TLSProtocol.SessionBytes>create().<TLSProtocol.SslTlsInbound>map(b -> b));
    return widened.atop(TLSPlacebo.getInstance());
  }

  /**
   * A server engine from the context; HttpsContexts builds it from an SSLContext, so it carries an
   * engine factory (Pekko's own server binding asks it the same way).
   */
  private static SSLEngine serverEngine(HttpsConnectionContext context) {
    return ((org.apache.pekko.http.scaladsl.HttpsConnectionContext) context)
        .sslContextData()
        .toOption()
        .get()
        .apply(scala.Option.empty());
  }
}
