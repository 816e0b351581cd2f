/**
 * The organisation: the tree of answering points (Mabes → Polda → Polres → Polsek, any depth), their
 * rollout status, their operators and the operators' presence. Plain Java: it imports no Spring, no JDBC,
 * no SIP and no Netty, and it knows nothing of geometry, calls or incidents.
 */
package id.siaga.org;
