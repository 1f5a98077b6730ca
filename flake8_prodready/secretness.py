"""Is this name a credential, is this value a secret? One judgement for every face.

The Python credential rules (PRD2xx), the compose and env-file checks (PRD4xx) and the
report all call these functions; nothing else decides what a secret is.

Names are split into words (snake_case, camelCase, kebab-case, dotted), so ``dbPassword``,
``DB_PASSWORD`` and ``db-password`` are judged alike. A name is a credential when one of its
words is in the credential vocabulary and it is not merely *about* a credential: bandit's
B105 fires on ``token_type = "bearer"`` and ``PASSWORD_FIELD = "password"`` because it looks
at the name only; here the words that turn a credential name into a setting about
credentials (``_type``, ``_field``, ``_expire_``, ``max_tokens``…) exclude it.

Values are secrets unless they are evidently not: empty, a reference to another variable
(``${VAR}``, ``{placeholder}``, an ALL_CAPS env-var name), prose, a path, a module path, a
URL without credentials, an identifier naming a field. Weak "placeholder" secrets
(``changeme``, ``admin``) *are* secrets: they are what leaks.

Public functions (stable, used by several faces): :func:`is_secret_name`,
:func:`is_credential_keyword`, :func:`is_secret_value`, :func:`is_placeholder_value`,
:func:`is_weak_secret`, :func:`url_passwords`, :func:`local_host_kind`, :func:`url_hosts`,
:func:`password_hash_kind`, :func:`private_key_kind`.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

# --- names -------------------------------------------------------------------------------

_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

#: Words that make a name a credential on their own. ``pin`` and ``pat`` are not here:
#: ``pin_memory`` and ``URL_PAT`` are far more common than PINs and GitHub PATs.
CREDENTIAL_WORDS = frozenset({
    "password", "passwd", "passwort", "pwd", "pw", "pass", "passphrase", "secret",
    "secrets", "token", "apikey", "credential", "credentials", "creds", "salt",
    "privatekey", "secretkey", "accesskey", "passcode", "dbpass", "dbpassword",
})
#: ``key`` is a credential only after one of these (``api_key``, ``signing_key``).
#: Not ``session``: Django's ``SESSION_KEY = "_auth_user_id"`` names a session entry.
KEY_QUALIFIERS = frozenset({
    "api", "access", "secret", "private", "signing", "sign", "encryption", "encrypt",
    "master", "app", "client", "auth", "jwt", "hmac", "crypto", "webhook",
    "license", "subscription", "service", "account", "admin", "openai", "stripe",
    "aes", "fernet", "cipher",
})
#: ``auth`` alone is a credential (``NEO4J_AUTH=neo4j/password``, ``auth = ("u", "pw")``).
AUTH_WORDS = frozenset({"auth", "authentication", "basicauth", "httpauth", "authorization"})

#: Words after a credential word that make the name about a credential, not one:
#: ``TOKEN_URL``, ``PASSWORD_FIELD``, ``SECRET_KEY_FILE``, ``password_hash``.
EXCLUDING_WORDS = frozenset({
    "type", "types", "url", "uri", "urls", "endpoint", "host", "hostname", "port",
    "expire", "expires", "expiry", "expiration", "exp", "ttl", "lifetime", "age",
    "minutes", "seconds", "hours", "days", "timeout", "length", "len", "size", "count",
    "min", "max", "limit", "limits", "field", "fields", "column", "col", "name", "names",
    "env", "var", "variable", "hash", "hashed", "hasher", "hashers", "digest", "file",
    "files", "path", "paths", "dir", "directory", "location", "header", "headers",
    "prefix", "suffix", "pattern", "regex", "re", "format", "algorithm", "algorithms",
    "alg", "scheme", "mode", "enabled", "disabled", "required", "enable", "policy",
    "policies", "reset", "forgot", "change", "changed", "label", "placeholder",
    "prompt", "message", "msg", "error", "errors", "help", "description", "title",
    "text", "id", "ids", "index", "idx", "position", "param", "parameter", "params",
    "query", "attr", "attribute", "property", "prop", "option", "flag", "kind",
    "class", "cls", "validator", "validators", "validation", "strength", "complexity",
    "rotation", "version", "store", "storage", "manager", "provider", "backend",
    "service", "source", "input", "widget", "form", "view", "handler",
    "generator", "factory", "backends", "cache", "table", "model", "schema", "lookup",
    "cookie", "cookies", "audience", "issuer", "scope", "scopes", "state", "status",
    "usage", "used", "counter", "tokens", "tokenizer", "encoding", "charset",
    "next", "continuation", "cursor", "page", "pagination", "sync", "marker",
    "rounds", "iterations", "bits", "buffer", "chars", "characters", "words",
    "template", "example", "sample", "stub", "regexp", "mask", "masked", "redacted",
    "method", "methods", "strategy", "plugin", "mechanism", "protocol", "realm",
    "level", "missing", "invalid", "mismatch", "prefixes", "separator", "sep",
    "delimiter", "char", "pos", "start", "end", "rx", "key_id", "display",
    "callback", "func", "function", "fn", "parser", "serializer",
    "getter", "setter", "loader", "reader", "writer", "builder", "registry", "map",
    "mapping", "dict", "list", "set", "keys", "values", "ref", "reference", "arn",
})
#: Words that, anywhere in a name, make it about a credential: verbs (``set_password``
#: names an SQL statement or a method), pagination (``NextToken``), CSRF machinery
#: (``csrf_token`` is per-request data, not configuration), lexer tokens.
EXCLUDING_ANYWHERE = frozenset({
    "next", "prev", "previous", "max", "min", "num", "is", "has", "use", "uses",
    "set", "get", "check", "validate", "verify", "make", "create", "generate", "update",
    "reset", "forgot", "change", "hash", "hashed", "invalid", "missing", "reason",
    "csrf", "xsrf", "wildcard", "default", "unicode", "relationship", "column",
    "metavalue", "sentinel", "lexer", "parse", "tokenize", "split", "rounds",
    "unusable", "insecure", "placeholder", "dummy", "empty", "blank", "null",
    "no", "not", "without", "skip", "require", "requires", "allow", "allowed",
    "show", "hide", "display", "mask", "print", "log", "should", "confirm",
    "confirmation", "strength", "policy", "expiry", "expire", "expires",
})
#: Whole names that are about credentials although built from credential words.
EXCLUDED_NAMES = frozenset({
    "auth", "pin", "pat", "token", "tokens",  # too generic as bare names of data
})


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """``"dbPassword"`` -> ``("db", "password")``; ``"DB_PASSWORD"`` likewise."""
    words = []
    for chunk in _WORD_SPLIT.split(name):
        if not chunk:
            continue
        if chunk.isupper() or chunk.islower() or chunk.isdigit():
            words.append(chunk.lower())
        else:
            words.extend(part.lower() for part in _CAMEL.findall(chunk))
    return tuple(words)


def _credential_index(words: tuple[str, ...]) -> int:
    """Index of the last word that makes ``words`` a credential name, or -1."""
    found = -1
    for index, word in enumerate(words):
        if word in CREDENTIAL_WORDS or word in AUTH_WORDS:
            found = index
        elif word == "key" and index > 0 and words[index - 1] in KEY_QUALIFIERS:
            found = index
    return found


@lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    """True when ``name`` names a credential (not a setting about one)."""
    words = name_words(name)
    if not words:
        return False
    if len(words) == 1 and words[0] in EXCLUDED_NAMES:
        # A bare ``token``/``auth`` variable is usually data flowing through code (a
        # lexer token, a parsed header), not a configured credential; as a keyword
        # argument it is judged (is_credential_keyword).
        return False
    index = _credential_index(words)
    if index < 0:
        return False
    if any(word in EXCLUDING_WORDS for word in words[index + 1:]):
        return False
    if any(word in EXCLUDING_ANYWHERE for word in words):
        return False
    return True


@lru_cache(maxsize=4096)
def is_credential_keyword(name: str) -> bool:
    """Keyword arguments and parameters: ``password=``, ``token=``, ``api_key=``, ``auth=``."""
    words = name_words(name)
    if len(words) == 1 and words[0] in ("token", "auth"):
        return True
    return is_secret_name(name)


@lru_cache(maxsize=1024)
def is_salt_name(name: str) -> bool:
    """``SALT``, ``key_salt``: itsdangerous and Django salts are namespaces
    (``"cookie-session"``), so a salt needs a random-looking value to be a secret."""
    words = name_words(name)
    return bool(words) and words[-1] == "salt"


_WORDY = re.compile(r"^[A-Za-z]+(?:[-_.:][A-Za-z]+)*$")


def is_wordy_value(value: str) -> bool:
    """Words joined by separators, without digits: ``cookie-session``."""
    return bool(_WORDY.match(value))


@lru_cache(maxsize=1024)
def is_credential_word_value(value: str) -> bool:
    """``"passwd"``, ``"client_secret"``: a value that is itself a credential *name*, as in
    a mapping of field names (``dict(username="user", password="passwd")``)."""
    return bool(_FIELD_NAME.match(value)) and (
        is_secret_name(value) or value.lower() in CREDENTIAL_WORDS)


@lru_cache(maxsize=1024)
def is_auth_name(name: str) -> bool:
    """``auth``, ``NEO4J_AUTH``, ``basic_auth``: a name whose value is a user/password pair
    or an auth scheme, rather than a bare secret."""
    words = name_words(name)
    return bool(words) and words[-1] in AUTH_WORDS


# --- values ------------------------------------------------------------------------------

_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}$")
_TEMPLATE = re.compile(
    r"^\$\{[^}]*\}$|^\$[A-Za-z_][A-Za-z0-9_]*$|^\{\{?[^{}]*\}?\}$|^<[^<>]*>$|^%\([^)]*\)[sd]$"
    r"|^%s$|^\{\}$|^\[[A-Za-z _-]*\]$"
)
_MASKED = re.compile(r"^(?:\*+|x+|X+|\.+|#+|-+|_+|•+|\?+)$")
_MODULE_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$")
_HEADER_NAME = re.compile(r"^(?:[A-Z][a-z0-9]*)(?:-[A-Z][A-Za-z0-9]*)+$")
_PATH = re.compile(r"^(?:/|\./|\.\./|~/|[A-Za-z]:\\)|^[\w.-]+/[\w./-]+$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
#: ``access_token``, ``_auth_user_id``, ``password1``: lowercase identifiers name fields,
#: session entries and form inputs far more often than they are secrets.
#: Words are letters with at most two trailing digits: ``ghp_abcdefghijklmnop1234`` and
#: ``tok_1234abcd`` are tokens, not field names.
_SNAKE_IDENTIFIER = re.compile(
    r"^_*[a-z]+[0-9]{0,2}(?:_[a-z]+[0-9]{0,2})+_*$|^_+[a-z]+[0-9]{0,2}_*$")
_FIELD_NAME = re.compile(r"^[A-Za-z_]+[12]?$")
NON_SECRET_WORDS = frozenset({
    "true", "false", "none", "null", "nil", "yes", "no", "on", "off", "disabled",
    "enabled", "required", "optional", "unset", "undefined", "empty", "n/a", "na",
    "bearer", "basic", "token", "jwt", "oauth", "oauth2", "hs256", "rs256", "es256",
    "sha256", "sha1", "md5", "bcrypt", "argon2", "plain", "plaintext", "default",
    "string", "str", "os.environ", "environ", "env", "hidden", "digest", "session",
    "redacted", "masked", "your_password", "your-password", "yourpassword", "api_key",
    "apikey", "header", "query", "cookie", "body", "form", "auto", "ntlm",
    "kerberos", "negotiate", "hmac", "aws4", "sigv4", "anonymous", "utf-8", "utf8",
    "ascii", "latin-1", "text", "json", "xml", "html", "bytes", "int", "bool", "secret",
    "password",
})
#: Secrets people type when they mean "I'll change it later". They are findings even
#: where a field name would be excluded (``connect(password="password")``), except when
#: the value merely repeats the whole name (``PASSWORD = "password"``).
WEAK_SECRETS = frozenset({
    "password", "passwd", "pass", "secret", "admin", "root", "changeme", "change-me",
    "change_me", "letmein", "qwerty", "123456", "12345678", "password1", "password123",
    "admin123", "secret123", "test", "test123", "testing", "guest", "neo4j", "postgres",
    "toor", "mysql", "redis", "s3cr3t", "p@ssw0rd", "passw0rd", "pa55word", "hunter2",
    "default", "example", "demo", "dev", "development", "foobar", "abc123", "12345",
    "1234", "supersecret", "topsecret", "mysecret", "mypassword", "welcome", "master",
})
#: Words that betray a hand-made weak secret inside a snake_case value
#: (``super_secret_key``), which would otherwise be taken for a field name.
_WEAK_MARKERS = frozenset({
    "secret", "change", "changeme", "insecure", "dev", "demo", "test", "default",
    "example", "sample", "admin", "letmein", "super", "my", "replace", "todo", "fixme",
    "dummy", "fake", "local", "please", "unsafe", "temp", "tmp", "xxx",
})
_PLACEHOLDER_WORDS = re.compile(
    r"^(?:your|my|insert|enter|put|replace|add|set)[-_ ]", re.IGNORECASE)


def is_placeholder_value(value: str) -> bool:
    """Template-like values that stand for a secret without being one."""
    stripped = value.strip()
    return bool(
        not stripped
        or _TEMPLATE.match(stripped)
        or _MASKED.match(stripped)
        or _PLACEHOLDER_WORDS.match(stripped) and not _has_digit_mix(stripped)
        and (" " in stripped or "here" in stripped.lower() or "<" in stripped)
    )


def _has_digit_mix(value: str) -> bool:
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def is_weak_secret(value: object) -> bool:
    """``changeme``, ``admin``, ``password``…: what a placeholder secret looks like."""
    return isinstance(value, str) and value.strip().lower() in WEAK_SECRETS


def is_secret_value(value: object, name: str | None = None) -> bool:
    """True when ``value`` is plausibly a real (or weak placeholder) secret.

    ``name`` is the credential name it is assigned to, when known: a value that repeats
    the name (``PASSWORD = "password"``, ``"access_token": "access_token"``) is a field
    name, not a password. Without a name, bare words like ``password`` are not judged
    secrets (they are more often a field or scheme name).
    """
    if not isinstance(value, str):
        return False
    stripped = value.strip()
    if len(stripped) < 3 or len(stripped) > 4096:
        return False
    if name is not None and _same_words(stripped, name):
        return False
    lowered = stripped.lower()
    if lowered in WEAK_SECRETS:
        return name is not None or lowered not in NON_SECRET_WORDS
    if lowered in NON_SECRET_WORDS:
        return False
    if is_placeholder_value(stripped):
        return False
    if _ENV_NAME.match(stripped):  # a reference to another variable
        return False
    if " " in stripped or "\n" in stripped or "\t" in stripped:
        return False  # prose: "Enter your password", "Invalid token"
    if not any(c.isalnum() for c in stripped):
        return False  # ":****", "--": masks and separators
    if _DOTTED_NUMBER.match(stripped):
        return False  # versions, OIDs (ssl's SERVER_AUTH = "1.3.6.1.5.5.7.3.1")
    if _looks_like_regex(stripped):
        return False  # detect-secrets' own patterns: secret = r"([a-z0-9]{40})"
    if _URL.match(stripped):
        return False  # URLs: judged by url_passwords instead
    if _MODULE_PATH.match(stripped) and not any(c.isdigit() for c in stripped):
        return False
    if _HEADER_NAME.match(stripped):
        return False
    if _SNAKE_IDENTIFIER.match(stripped) and not any(
            word in _WEAK_MARKERS for word in stripped.strip("_").split("_")):
        return False
    if _PATH.match(stripped) and not _looks_random(stripped):
        return False
    return True


_DOTTED_NUMBER = re.compile(r"^[0-9]+(?:\.[0-9]+)+$")
_REGEX_MARKERS = ("(?", "\\", "[^", "a-z", "A-Z", "0-9", ")|", "|(", ")?", ")*", ")+", "]{",
                  "]+", "]*")


def _looks_like_regex(value: str) -> bool:
    """A pattern *about* secrets: two regex constructs, or a group with an alternation.
    Passwords have symbols, but not ``(?:``, ``[a-z]`` or ``\\w`` twice."""
    hits = sum(marker in value for marker in _REGEX_MARKERS) + (value.count("|") >= 2)
    return hits >= 2 or (hits == 1 and value.startswith("^") and value.endswith("$"))


def _same_words(value: str, name: str) -> bool:
    value_words = name_words(value)
    return bool(value_words) and value_words == name_words(name)


def _looks_random(value: str) -> bool:
    """``wJalrXUtnFEMI/K7MDENG/bPxRfiCY`` (an AWS secret key has slashes) rather than a
    path like ``config/secrets/db.txt``: long, mixed case and digits, no file suffix."""
    return (len(value) >= 20 and _has_digit_mix(value) and not value.startswith(("/", "."))
            and any(c.isupper() for c in value) and any(c.islower() for c in value)
            and "." not in value)


# --- URLs --------------------------------------------------------------------------------

# scheme://user:password@host — the lookbehind keeps the scan linear on long words; the
# password part stops at the first "@" (RFC 3986 requires "@" in it to be escaped).
_URL_CREDENTIALS = re.compile(
    r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}://([^\s/:@'\"<>]*):([^\s/@'\"<>]+)@")
_FORMAT_SPEC = re.compile(r"%\(?\w*\)?s")


def url_passwords(text: str) -> list[tuple[str, int]]:
    """``(password, offset)`` for each URL in ``text`` whose password part is literal.

    ``{placeholder}``/``${VAR}``/``%s``/``<password>`` password parts and masked ones
    (``***``) are not literal and are skipped.
    """
    if "://" not in text or "@" not in text:
        return []
    found = []
    for match in _URL_CREDENTIALS.finditer(text):
        password = match.group(2)
        if is_placeholder_value(password) or "{" in password or "$" in password or (
                "%" in password and _FORMAT_SPEC.search(password)):
            continue
        found.append((password, match.start(2)))
    return found


_DSN_PASSWORD = re.compile(r"(?:^|[\s;])(?:password|passwd|pwd)[ \t]*=[ \t]*([^\s;'\"]+)",
                           re.IGNORECASE)


def dsn_passwords(text: str) -> list[tuple[str, int]]:
    """``(password, offset)`` in a keyword connection string: libpq's
    ``"host=db user=app password=secret"`` or ODBC's ``"SERVER=db;UID=sa;PWD=secret"``.

    Only strings made of ``key=value`` parts count (so prose and SQL such as
    ``"UPDATE users SET password = %s"`` do not), and placeholder values are skipped.
    """
    if "=" not in text or len(text) > 4096:
        return []
    lowered = text.lower()
    if "password" not in lowered and "pwd" not in lowered:
        return []
    parts = [part for part in re.split(r";" if ";" in text else r"\s+", text.strip()) if part]
    if len(parts) < 2 or sum("=" in part for part in parts) * 5 < len(parts) * 4:
        return []
    found = []
    for match in _DSN_PASSWORD.finditer(text):
        password = match.group(1)
        if is_placeholder_value(password) or any(c in password for c in "{}$%<"):
            continue
        if is_secret_value(password, "dsn_password") or is_weak_secret(password):
            found.append((password, match.start(1)))
    return found


# --- hosts -------------------------------------------------------------------------------

LOCAL_NAMES = {"localhost": "localhost", "host.docker.internal": "Docker host name",
               "gateway.docker.internal": "Docker host name",
               "ip6-localhost": "localhost", "ip6-loopback": "localhost"}

# The host part of every URL in a text: scheme://[user[:pw]@]host[:port]
_URL_HOST = re.compile(
    r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}://(?:[^\s/@'\"<>]*@)?"
    r"(\[[0-9A-Fa-f:.]+\]|[^\s/:?#,;'\"<>\[\]]+)")


@lru_cache(maxsize=1024)
def local_host_kind(host: str) -> str | None:
    """``"localhost"``, ``"loopback address"``, ``"private-network address"``… or None.

    ``0.0.0.0`` (bind to every interface) is what a container should do: not local.
    """
    host = host.strip().strip("[]").lower().rstrip(".")
    if not host:
        return None
    if host in LOCAL_NAMES:
        return LOCAL_NAMES[host]
    if host.endswith(".localhost"):
        return "localhost"
    if not (host[0].isdigit() or ":" in host):
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_unspecified:
        return None
    if address.is_loopback:
        return "loopback address"
    if address.is_private and not address.is_link_local and not address.is_reserved:
        return "private-network address"
    return None


def url_hosts(text: str) -> list[tuple[str, int]]:
    """``(host, offset)`` for every URL in ``text``."""
    if "://" not in text:
        return []
    return [(match.group(1), match.start(1)) for match in _URL_HOST.finditer(text)]


# The IPv6 branch is "hex digits and colons, with a '::' somewhere", written as a lookahead:
# the plain form [0-9A-Fa-f:]*::[0-9A-Fa-f:]* backtracked quadratically on a run of colons
# (1.7 s for 10,000 in one string; tests/test_robustness_regexes.py). Same matches.
_BARE_HOST = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+|(?=[0-9A-Fa-f:]*::)[0-9A-Fa-f:]+)"
                        r"(?::[0-9]{1,5})?$")


def local_hosts(text: str) -> list[tuple[str, str, int]]:
    """``(host, kind, offset)`` for each local host in a configuration value: the hosts
    of the URLs in it, or the value itself when it is a bare ``host[:port]`` (also in a
    comma-separated list, as CORS origins are often written)."""
    found = []
    if "://" in text:
        for host, offset in url_hosts(text):
            kind = local_host_kind(host)
            if kind:
                found.append((host, kind, offset))
        return found
    offset = 0
    for part in text.split(","):
        stripped = part.strip()
        if stripped:
            match = _BARE_HOST.match(stripped)
            if match:
                host = match.group(1)
                if host.count(":") >= 2 or host.startswith("["):
                    host = stripped  # IPv6 without a port
                kind = local_host_kind(host)
                if kind:
                    found.append((host, kind, offset + part.index(stripped)))
        offset += len(part) + 1
    return found


# --- key material -----------------------------------------------------------------------

_B64 = r"[A-Za-z0-9./+]"
#: Each format with enough of its body to be a real hash, not a prefix checked in code
#: (``hashed.startswith("$2b$")``) or a format description.
_HASHES = (
    ("bcrypt", re.compile(r"\$2[abxy]?\$[0-9]{2}\$[./A-Za-z0-9]{53}")),
    ("argon2", re.compile(r"\$argon2(?:id|i|d)\$(?:v=[0-9]+\$)?m=[0-9]+,t=[0-9]+,p=[0-9]+"
                          r"\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}")),
    ("scrypt", re.compile(r"\$scrypt\$[a-z0-9=,$]{0,40}?" + _B64 + r"{16,}\$" + _B64 + r"{20,}"
                          r"|scrypt(?::[0-9]+){3}\$[A-Za-z0-9./+]{8,}\$[0-9a-f]{32,}"
                          r"|(?<![A-Za-z0-9_])scrypt\$[0-9]+\$[A-Za-z0-9]{8,}\$[0-9]+\$[0-9]+"
                          r"\$[0-9]+\$[A-Za-z0-9+/=]{20,}")),
    ("PBKDF2", re.compile(r"pbkdf2_sha(?:1|256|512)\$[0-9]+\$[A-Za-z0-9./+]{4,}\$"
                          r"[A-Za-z0-9+/]{20,}=*"
                          r"|\$pbkdf2(?:-sha(?:1|256|512))?\$[0-9]+\$[A-Za-z0-9./+]{4,}\$"
                          r"[A-Za-z0-9./+]{20,}"
                          r"|pbkdf2:sha(?:1|256|512)(?::[0-9]+)?\$[A-Za-z0-9./+]{4,}\$"
                          r"[0-9a-f]{32,}")),
    ("crypt", re.compile(r"\$(?:1|5|6|md5|sha1|y|gy|7)\$(?:rounds=[0-9]+\$)?"
                         r"[./A-Za-z0-9]{1,64}\$[./A-Za-z0-9]{22,}")),
)


def password_hash_kind(text: str) -> tuple[str, str, int] | None:
    """``(kind, hash, offset)`` of the first password hash in ``text``, or None."""
    if "$" not in text:
        return None
    best = None
    for kind, pattern in _HASHES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[2]):
            best = (kind, match.group(0), match.start())
    return best


_PEM_PRIVATE = re.compile(
    r"-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |ED25519 )?PRIVATE KEY(?: BLOCK)?)-----"
    r"[^\n]{0,80}?(?:\\n|\n)[A-Za-z0-9+/=:,\- \t\r\n\\]{0,200}?[A-Za-z0-9+/]{40}")


def private_key_kind(text: str) -> tuple[str, int] | None:
    """``(kind, offset)`` of a PEM private key block with a body, or None.

    The bare marker (``PEM_HEADER = "-----BEGIN PRIVATE KEY-----"``) in parsing code is
    not key material; a block needs at least one line of base64 after its header.
    """
    if "-----BEGIN" not in text:
        return None
    match = _PEM_PRIVATE.search(text)
    if match is None:
        return None
    return match.group(1), match.start()


# --- configuration values: compose files, env files, command lines ----------------------
# (added for the compose/env-file face, PRD4xx)

#: Credential variables read by well-known clients whose names are one word, so that
#: name_words cannot find the credential word in them (``PGPASSWORD=... psql``).
SECRET_VARIABLES = frozenset({"PGPASSWORD", "SSHPASS", "REDISCLI_AUTH", "MYSQL_PWD",
                              "RCLONE_CONFIG_PASS", "BORG_PASSPHRASE", "RESTIC_PASSWORD"})


def is_secret_setting_name(name: str) -> bool:
    """:func:`is_secret_name`, plus the one-word client variables of SECRET_VARIABLES."""
    return name.upper() in SECRET_VARIABLES or is_secret_name(name)


def is_secret_setting(value: object) -> bool:
    """Is this configuration value (an env-file or compose ``environment:`` value, a
    command-line argument) a secret?

    In configuration a value is never a field, key or column name, so the
    identifier-shaped exclusion of :func:`is_secret_value` does not apply:
    ``POSTGRES_PASSWORD=horme_prod_pw_2024`` and ``--requirepass redis_password`` are the
    passwords themselves. Empty values, placeholders (``your_api_key``, ``<token>``,
    ``xxx``), references and prose still are not secrets.
    """
    if not isinstance(value, str):
        return False
    stripped = value.strip()
    if is_weak_secret(stripped):
        return True
    if _SNAKE_IDENTIFIER.match(stripped):
        return (3 <= len(stripped) <= 4096 and not _PLACEHOLDER_WORDS.match(stripped)
                and stripped.lower() not in NON_SECRET_WORDS
                and not is_placeholder_value(stripped))
    return is_secret_value(stripped)
