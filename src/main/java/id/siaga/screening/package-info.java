/**
 * Silent and prank call classification and per-number reputation: flag and score, never blindly
 * block. Plain Java. Built with a later issue.
 */
package id.siaga.screening;
