/**
 * Answer-time SLA, escalation accountability (who let calls ring), live board figures and reports,
 * computed from journal events. Built with the consoles issue.
 */
package id.siaga.supervision;
