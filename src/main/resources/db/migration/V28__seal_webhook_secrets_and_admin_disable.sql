-- Webhook signing secrets are now stored sealed by the key-encryption key (secret_kek names it),
-- bound to their subscription: a dump or backup of the database cannot forge deliveries. The clear
-- columns stay, empty, until a later migration drops them; the service seals what they hold at
-- start-up (WebhookSecrets). Not a rolling upgrade: an older replica would sign with the empty
-- clear column.
ALTER TABLE webhook_subscription
    ADD COLUMN secret_kek text,
    ADD COLUMN secret_sealed bytea,
    ADD COLUMN previous_secret_sealed bytea;
ALTER TABLE webhook_subscription ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE webhook_subscription DROP CONSTRAINT webhook_subscription_check;
ALTER TABLE webhook_subscription
    ADD CONSTRAINT webhook_subscription_secret_one_form
        CHECK (num_nonnulls(secret, secret_sealed) = 1
               AND (secret_sealed IS NULL) = (secret_kek IS NULL)),
    ADD CONSTRAINT webhook_subscription_previous_secret_expires
        CHECK ((num_nonnulls(previous_secret, previous_secret_sealed) = 0)
               = (previous_secret_expires_at IS NULL));
CREATE INDEX webhook_subscription_secret_kek_idx ON webhook_subscription (secret_kek);

-- An administrator may disable any subscription (and enable it again). A partner's redelivery,
-- which re-enables a subscription disabled after failed deliveries, leaves such a one disabled.
ALTER TABLE webhook_subscription ADD COLUMN disabled_by_admin boolean NOT NULL DEFAULT false;
ALTER TABLE webhook_subscription ADD CONSTRAINT webhook_subscription_admin_disabled_inactive
    CHECK (NOT disabled_by_admin OR NOT active);
