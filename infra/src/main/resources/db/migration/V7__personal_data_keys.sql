-- One AES-256 data key per person (the subject of their PersonalText values), wrapped with the
-- master key: AES-256-GCM, 12-byte nonce followed by the ciphertext and its tag, the subject as
-- associated data. Deleting a row erases the person ("crypto-shredding"): every value encrypted
-- under that key, wherever it is stored, can no longer be read. See PersonalDataKeys.
create table personal_data_keys (
    subject     uuid                        not null,
    wrapped_key bytea                       not null,
    created_at  timestamp(6) with time zone not null,
    constraint pk_personal_data_keys primary key (subject)
);
