-- Access tokens carry the user's token generation ("gen") and, for people, their refresh chain
-- ("sid"). Deactivation, a password change, a role or team change and a service account's
-- deactivation or secret rotation raise the generation; every replica polls recent raises and
-- revoked chains (identity/Revocations) and refuses older tokens without asking the database
-- on each request.
alter table app_user
    add column token_generation integer not null default 0,
    add column tokens_revoked_at timestamptz;

create index app_user_tokens_revoked on app_user (tokens_revoked_at) where tokens_revoked_at is not null;
create index refresh_token_revoked on refresh_token (revoked_at) where revoked_at is not null;
