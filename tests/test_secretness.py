"""The shared judgement: credential names, secret values, URL passwords, local hosts,
password hashes and private keys. (The rules built on it are tested end to end through
flake8 in the fixtures; these pin down the vocabulary the compose face shares.)"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flake8_prodready import secretness
from flake8_prodready.secretness import (
    is_credential_keyword, is_placeholder_value, is_secret_name, is_secret_value,
    is_weak_secret, local_host_kind, local_hosts, name_words, password_hash_kind,
    private_key_kind, url_passwords,
)


@pytest.mark.parametrize("name", [
    "password", "DB_PASSWORD", "dbPassword", "db-password", "JWT_SECRET", "SECRET_KEY",
    "api_key", "apiKey", "OPENAI_API_KEY", "client_secret", "aws_secret_access_key",
    "private_key", "signing_key", "ENCRYPTION_KEY", "credentials", "NEO4J_AUTH",
    "github_token", "accessToken", "passphrase", "SALT", "Authorization", "X-API-Key",
])
def test_credential_names(name):
    assert is_secret_name(name)


@pytest.mark.parametrize("name", [
    "password_hash", "PASSWORD_FIELD", "token_type", "OPENAI_MAX_TOKENS", "max_tokens",
    "ACCESS_TOKEN_EXPIRE_MINUTES", "TOKEN_URL", "SECRET_KEY_FILE", "password_length",
    "DB_PASSWORD_ENV", "password_field_name", "NextToken", "next_token", "nextPageToken",
    "csrf_token", "set_password", "UNUSABLE_PASSWORD_PREFIX", "SESSION_KEY", "pin_memory",
    "URL_PAT", "token", "auth", "AUTH_USER_MODEL", "AUTH_METHOD", "monkey", "keyboard",
    "passenger", "compass", "tokenizer", "secretary_name",
])
def test_names_about_credentials(name):
    assert not is_secret_name(name)


def test_bare_token_and_auth_are_credential_keywords_only():
    assert is_credential_keyword("token") and is_credential_keyword("auth")
    assert not is_secret_name("token") and not is_secret_name("auth")


def test_name_words_split_every_spelling_alike():
    assert name_words("dbPassword") == name_words("DB_PASSWORD") == name_words("db-password")
    assert name_words("HTTPBasicAuth") == ("http", "basic", "auth")


@pytest.mark.parametrize("value", [
    "s3cr3t", "nexus-secret-change-me", "changeme", "sk-proj-abcdef123456",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Lk2", "ghp_abcdefghijklmnop1234", "tok_1234abcd",
    "super_secret_key", "Tr0ub4dor&3",
])
def test_secret_values(value):
    assert is_secret_value(value, "SECRET")


@pytest.mark.parametrize("value", [
    "", "  ", "ab", "${API_KEY}", "{api_key}", "<your-api-key>", "***", "********", "xxx",
    "DB_PASSWORD", "Enter your password", "https://auth.example.com/token",
    "/run/secrets/db", "django.contrib.auth.hashers", "X-API-Key", "access_token",
    "_auth_user_id", "__root__", "bearer", "HS256", "your_password", "%(password)s",
])
def test_not_secret_values(value):
    assert not is_secret_value(value, "SECRET")


def test_a_value_repeating_the_whole_name_is_a_field_name():
    assert not is_secret_value("password", "PASSWORD")
    assert not is_secret_value("invalid-password", "invalid_password")
    assert is_secret_value("password", "DB_PASSWORD")  # a weak password, not the name


def test_weak_words_are_secrets_only_with_a_credential_name():
    assert is_weak_secret("changeme") and is_weak_secret("Admin")
    assert not is_secret_value("password")  # unknown position: likely a field name
    assert is_secret_value("changeme")


def test_placeholders():
    for value in ("${X}", "$X", "{x}", "{{ x }}", "<token>", "%(pw)s", "%s", "***"):
        assert is_placeholder_value(value), value
    assert not is_placeholder_value("s3cr3t")


def test_url_passwords():
    assert url_passwords("postgresql://u:pw1@db/app") == [("pw1", 15)]
    assert url_passwords("redis://:redispass@cache:6379/0") == [("redispass", 9)]
    for text in ("postgresql://u:{password}@db", "postgresql://u:${PW}@db",
                 "postgresql://u:%s@db", "postgresql://u:%(pw)s@db", "postgresql://u:***@db",
                 "postgresql://u@db", "https://example.com/a:b@c", "mailto:a@b.c"):
        assert url_passwords(text) == [], text


@pytest.mark.parametrize("host, kind", [
    ("localhost", "localhost"), ("LOCALHOST", "localhost"), ("api.localhost", "localhost"),
    ("127.0.0.1", "loopback address"), ("::1", "loopback address"),
    ("[::1]", "loopback address"), ("10.1.2.3", "private-network address"),
    ("172.16.0.1", "private-network address"), ("192.168.1.20", "private-network address"),
    ("host.docker.internal", "Docker host name"),
])
def test_local_hosts(host, kind):
    assert local_host_kind(host) == kind


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "8.8.8.8", "172.32.0.1", "example.com",
                                  "169.254.1.1", "db", ""])
def test_not_local_hosts(host):
    assert local_host_kind(host) is None


def test_local_hosts_in_values():
    assert [h for h, _, _ in local_hosts("http://localhost:3000,https://app.io")] == [
        "localhost"]
    assert [h for h, _, _ in local_hosts("127.0.0.1:6379")] == ["127.0.0.1"]
    assert [h for h, _, _ in local_hosts("redis://:pw@[::1]:6379")] == ["[::1]"]
    assert local_hosts("0.0.0.0:8000") == []


def test_password_hashes():
    # Hashes of no real password, here to test the detector itself.
    bcrypt = "$2b$12$KIXQJ1Zp3rX8u4mVd6c9UeQv0oWm1sS1p2hR3tY4uI5oP6aS7dF8g"  # noqa: PRD207
    assert password_hash_kind(f"VALUES ('a', '{bcrypt}')")[:2] == ("bcrypt", bcrypt)
    pbkdf2 = "pbkdf2_sha256$60000$abcdefgh$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo0MTI="  # noqa: PRD207
    assert password_hash_kind(pbkdf2)[0] == "PBKDF2"
    for text in ("$2b$", "$2b$12$", "costs $20.00", "$2b$rounds$salt$checksum"):
        assert password_hash_kind(text) is None, text


def test_private_keys_need_a_body():
    body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj"
    assert private_key_kind(f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n")[0] == (
        "RSA PRIVATE KEY")
    assert private_key_kind("-----BEGIN PRIVATE KEY-----") is None
    assert private_key_kind(f"-----BEGIN PUBLIC KEY-----\n{body}\n") is None


HOSTILE = [
    "a" * 50_000 + "://" + ":" * 50_000,
    "x://" + "a:" * 30_000 + "@",
    "$2b$12$" + "a" * 100_000,
    "-----BEGIN PRIVATE KEY-----" + "\n" * 50_000,
    "http://" + "[" * 50_000,
    "pbkdf2_sha256$" + "1$" * 30_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_regexes_finish_on_hostile_input(text):
    # A catastrophic backtrack on these would not finish in any reasonable time; linear
    # regexes answer in milliseconds (bench/, not this test, measures speed).
    url_passwords(text)
    local_hosts(text)
    password_hash_kind(text)
    private_key_kind(text)
    assert not is_secret_value(text[:4000], "password") or text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_judgement_never_crashes(text):
    is_secret_name(text)
    is_credential_keyword(text)
    is_secret_value(text, text)
    url_passwords(text)
    local_hosts(text)
    password_hash_kind(text)
    private_key_kind(text)
    secretness.local_host_kind(text)
