/**
 * Domain: compliance reports over the audit log — their scope and period, the Merkle root that proves which events a
 * report covers, the HIPAA Safe Harbor coverage of a policy, and the read-model values a report is made of.
 */
package dev.masker.domain.report;
