/**
 * Webhooks: partner subscriptions, and delivery of their agency's audit events with Standard
 * Webhooks signatures, retried with backoff. The audit trail is the transactional outbox.
 */
package org.nrmreferrals.webhook;
