-- What identifies the potential victim. Never present for a Duty to Notify report.
CREATE TABLE referral_personal_data (
    referral_id   uuid PRIMARY KEY REFERENCES referral (id),
    given_name    text,
    family_name   text,
    aliases       text[] NOT NULL DEFAULT '{}',
    date_of_birth date,
    phone         text,
    email         text,
    address       text,
    account       text
);
