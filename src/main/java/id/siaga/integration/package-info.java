/**
 * EIDO export, webhooks to Binmas Online System and Polisiku, the SMS gateway; driven by journal
 * events. Built with a later issue.
 */
package id.siaga.integration;
