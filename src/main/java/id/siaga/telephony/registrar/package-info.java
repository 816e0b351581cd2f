/**
 * SIP registration of operator positions. It owns server-side digest authentication of REGISTER with
 * stateless, HMAC-signed nonces that any node holding the secret can verify; the registrar's bindings of a
 * position's SIP username (its address-of-record) to contacts that expire (RFC 3261 §10), kept behind the
 * {@code BindingStore} port (the database every node of a cluster shares, so any node rings any registered phone); the per-position
 * phone configuration, registering or static, that answers "where do I ring this operator now"; and the
 * handler that decides each REGISTER from these three, so the SIP edge only translates. It is protocol logic
 * in plain Java, fed literal header values by the JAIN-SIP edge in {@code telephony.sip} and given time as
 * parameters or an injected {@link java.time.Clock}: it must not import JAIN-SIP, Spring, JDBC or Netty,
 * must not send or parse whole SIP messages, and must not change presence itself; it reports registrations
 * and expiries, and its caller turns them into presence changes and journal entries.
 */
package id.siaga.telephony.registrar;
