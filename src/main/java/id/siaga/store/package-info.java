/**
 * JDBC adapters for the repository ports of the other capabilities, and the Flyway migrations
 * ({@code db/migration}). The only package that writes SQL. Works on PostgreSQL and on H2 in PostgreSQL
 * mode; nothing here decides anything.
 */
package id.siaga.store;
