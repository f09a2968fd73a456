package dev.ben.benctl.remote;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.netty.handler.ssl.NotSslRecordException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * What an UNAVAILABLE answer means when benctl and the server disagree about TLS, and what to pass
 * instead. The gRPC client reports these as it sees them: a certificate path it cannot build (wrong
 * CA), a reply that is not a TLS record (the server speaks cleartext), or, without TLS, a server
 * that hangs up at once (a TLS server reading cleartext).
 */
final class TlsFailures {

  /** How grpc-java words a connection the server closed before any HTTP/2 frame. */
  private static final String CLOSED = "Network closed";

  private TlsFailures() {}

  /** The message for {@code failure} when it is probably a TLS mismatch; empty otherwise. */
  static Optional<String> explain(
      StatusRuntimeException failure, String address, Transport transport) {
    if (failure.getStatus().getCode() != Status.Code.UNAVAILABLE) {
      return Optional.empty();
    }
    if (!transport.tls()) {
      return closedAtOnce(failure)
          ? Optional.of(
              address
                  + " closed the connection at once: it probably speaks TLS and benctl spoke"
                  + " cleartext; pass --ca FILE (the cluster's CA certificate) or, for a publicly"
                  + " trusted certificate, --tls")
          : Optional.empty();
    }
    if (find(failure, NotSslRecordException.class) != null) {
      return Optional.of(
          address
              + " answered in cleartext, not TLS: it serves no certificate (ben.tls unset) while"
              + " benctl spoke "
              + transport.describe()
              + "; "
              + dropTls(transport));
    }
    SSLException handshake = find(failure, SSLException.class);
    if (handshake == null) {
      return Optional.empty();
    }
    String prefix = "the TLS handshake with " + address + " failed: ";
    if (find(failure, CertPathBuilderException.class) != null
        || find(failure, CertPathValidatorException.class) != null) {
      return Optional.of(
          prefix
              + "its certificate is not signed by a CA benctl trusts ("
              + transport.describe()
              + "); pass the CA that issued it with --ca FILE");
    }
    CertificateException certificate = find(failure, CertificateException.class);
    if (certificate != null) {
      return Optional.of(
          prefix
              + certificate.getMessage()
              + "; connect with --server naming the host its certificate was issued for");
    }
    return Optional.of(prefix + handshake.getMessage() + " (" + transport.describe() + ")");
  }

  private static boolean closedAtOnce(StatusRuntimeException failure) {
    String description = failure.getStatus().getDescription();
    return failure.getCause() == null && description != null && description.startsWith(CLOSED);
  }

  private static String dropTls(Transport transport) {
    String origin = transport.origin();
    if (origin.startsWith("$")) {
      return "unset " + origin + " to speak cleartext";
    }
    if (origin.startsWith("context")) {
      return "remove \"ca\" from " + origin + " in benctl's configuration file to speak cleartext";
    }
    return "drop " + origin + " to speak cleartext";
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
