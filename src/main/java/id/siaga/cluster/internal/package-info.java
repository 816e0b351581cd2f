/**
 * The cluster's bus: NATS JetStream key-value buckets behind {@link id.siaga.cluster.SharedTable}. Only {@code cluster}
 * and {@code app} use it; the NATS client appears nowhere else.
 */
package id.siaga.cluster.internal;
