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
URL without credentials. Weak "placeholder" secrets (``changeme``, ``admin``) *are* secrets:
they are what leaks.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache

# --- names -------------------------------------------------------------------------------

_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

#: Words that make a name a credential on their own.
CREDENTIAL_WORDS = frozenset({
    "password", "passwd", "passwort", "pwd", "pw", "pass", "passphrase", "secret",
    "secrets", "token", "apikey", "credential", "credentials", "creds", "salt",
    "privatekey", "secretkey", "accesskey", "pat", "passcode", "pin",
})
#: ``key`` is a credential only after one of these (``api_key``, ``signing_key``).
KEY_QUALIFIERS = frozenset({
    "api", "access", "secret", "private", "signing", "sign", "encryption", "encrypt",
    "master", "app", "client", "auth", "session", "jwt", "hmac", "crypto", "webhook",
    "license", "subscription", "service", "account", "admin", "root", "openai", "stripe",
})
#: ``auth`` alone is a credential (``NEO4J_AUTH=neo4j/password``, ``auth = ("u", "pw")``).
AUTH_WORDS = frozenset({"auth", "authentication", "basicauth", "httpauth"})

#: Words after which a credential name is about a credential, not one.
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
    "text", "id", "ids", "key_id", "index", "idx", "position", "param", "parameter",
    "query", "attr", "attribute", "property", "prop", "option", "flag", "kind",
    "class", "cls", "validator", "validators", "validation", "strength", "complexity",
    "rotation", "version", "store", "storage", "manager", "provider", "backend",
    "service", "source", "location", "input", "widget", "form", "view", "handler",
    "generator", "factory", "backends", "cache", "table", "model", "schema", "lookup",
    "cookie", "cookies", "audience", "issuer", "scope", "scopes", "state", "status",
    "usage", "used", "counter", "count", "tokens", "tokenizer", "encoding", "charset",
    "next", "continuation", "cursor", "page", "pagination", "sync", "marker",
    "rounds", "iterations", "bits", "buffer", "chars", "characters", "words",
    "template", "example", "sample", "stub", "regexp", "mask", "masked", "redacted",
})
#: Whole names that are about credentials although built from credential words.
EXCLUDED_NAMES = frozenset({
    "auth", "pass", "pin", "pat", "token", "tokens",  # too generic as bare names of data
})

_IDENTIFIER_LIKE = re.compile(r"^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)*$")


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


@lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    """True when ``name`` names a credential (not a setting about one)."""
    words = name_words(name)
    if not words:
        return False
    if any(word in EXCLUDING_WORDS for word in words[1:]) or (
            len(words) > 1 and words[0] in EXCLUDING_WORDS and words[0] in ("max", "min", "num")):
        return False
    if len(words) == 1 and words[0] in EXCLUDED_NAMES and words[0] not in ("pass",):
        # A bare ``token``/``auth`` variable is usually data flowing through code, not a
        # configured credential; it is still judged when passed as a keyword (callers
        # decide that with is_credential_keyword).
        return words[0] in ("pass",)
    for index, word in enumerate(words):
        if word in CREDENTIAL_WORDS:
            return True
        if word in AUTH_WORDS:
            return True
        if word == "key" and index > 0 and words[index - 1] in KEY_QUALIFIERS:
            return True
    return False


@lru_cache(maxsize=4096)
def is_credential_keyword(name: str) -> bool:
    """Keyword arguments and parameters: ``password=``, ``token=``, ``api_key=``, ``auth=``."""
    words = name_words(name)
    if len(words) == 1 and words[0] in ("token", "auth", "pass", "pat", "pin"):
        return words[0] in ("token", "auth", "pass")
    return is_secret_name(name)


# --- values ------------------------------------------------------------------------------

_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}$")
_TEMPLATE = re.compile(
    r"^\$\{[^}]*\}$|^\$[A-Za-z_][A-Za-z0-9_]*$|^\{\{?[^{}]*\}?\}$|^<[^<>]*>$|^%\([^)]*\)[sd]$"
    r"|^%s$|^\{\}$"
)
_MASKED = re.compile(r"^(?:\*+|x+|X+|\.+|#+|-+|_+|•+|\?+)$")
_MODULE_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$")
_HEADER_NAME = re.compile(r"^(?:[A-Z][a-z0-9]*)(?:-[A-Z][A-Za-z0-9]*)+$")
_PATH = re.compile(r"^(?:/|\./|\.\./|~/|[A-Za-z]:\\)|^[\w.-]+/[\w./-]+$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
NON_SECRET_WORDS = frozenset({
    "true", "false", "none", "null", "nil", "yes", "no", "on", "off", "disabled",
    "enabled", "required", "optional", "unset", "undefined", "empty", "n/a", "na",
    "bearer", "basic", "token", "jwt", "oauth", "oauth2", "hs256", "rs256", "es256",
    "sha256", "sha1", "md5", "bcrypt", "argon2", "plain", "plaintext", "default",
    "string", "str", "secret", "password", "os.environ", "environ", "env", "hidden",
    "redacted", "masked", "your_password", "your-password", "yourpassword",
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
    )


def _has_digit_mix(value: str) -> bool:
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def is_secret_value(value: object, name: str | None = None) -> bool:
    """True when ``value`` is plausibly a real (or weak placeholder) secret.

    ``name`` is the credential name it is assigned to, when known: a value equal to the
    name (``PASSWORD = "password"``) is a field name, not a password.
    """
    if not isinstance(value, str):
        return False
    stripped = value.strip()
    if len(stripped) < 3 or len(stripped) > 4096:
        return False
    lowered = stripped.lower()
    if lowered in NON_SECRET_WORDS and (name is None or lowered != "password"
                                        or _same_word(stripped, name)):
        return False
    if name is not None and _same_word(stripped, name):
        return False
    if is_placeholder_value(stripped):
        return False
    if _ENV_NAME.match(stripped):  # a reference to another variable
        return False
    if " " in stripped or "\n" in stripped or "\t" in stripped:
        return False  # prose: "Enter your password", "Invalid token"
    if _URL.match(stripped):
        return False  # URLs: judged by url_password instead
    if _MODULE_PATH.match(stripped) and not any(c.isdigit() for c in stripped):
        return False
    if _HEADER_NAME.match(stripped):
        return False
    if _PATH.match(stripped) and not _looks_random(stripped):
        return False
    return True


def _same_word(value: str, name: str) -> bool:
    value_words = name_words(value)
    return bool(value_words) and value_words == name_words(name)[-len(value_words):]


def _looks_random(value: str) -> bool:
    return len(value) >= 20 and _has_digit_mix(value) and "/" not in value.strip("/")


# --- URLs --------------------------------------------------------------------------------

# scheme://user:password@host — the lookbehind keeps the scan linear on long words.
_URL_CREDENTIALS = re.compile(
    r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}://([^\s/:@'\"]*):([^\s/@'\"]+)@")


def url_passwords(text: str) -> list[tuple[str, int]]:
    """``(password, offset)`` for each URL in ``text`` whose password part is literal.

    ``{placeholder}``/``${VAR}``/``%s`` password parts and masked ones (``***``) are not
    literal and are skipped.
    """
    if "://" not in text or "@" not in text:
        return []
    found = []
    for match in _URL_CREDENTIALS.finditer(text):
        password = match.group(2)
        if is_placeholder_value(password) or "{" in password or "$" in password or (
                "%" in password and re.search(r"%\(?\w*\)?s", password)):
            continue
        found.append((password, match.start(2)))
    return found


# --- hosts -------------------------------------------------------------------------------

LOCAL_NAMES = {"localhost": "localhost", "host.docker.internal": "Docker host name",
               "gateway.docker.internal": "Docker host name"}


@lru_cache(maxsize=1024)
def local_host_kind(host: str) -> str | None:
    """``"localhost"``, ``"loopback address"``, ``"private address"``… or None.

    ``0.0.0.0`` (bind to every interface) is what a container should do: not local.
    """
    host = host.strip().strip("[]").lower()
    if not host:
        return None
    if host in LOCAL_NAMES:
        return LOCAL_NAMES[host]
    if host.endswith(".localhost"):
        return "localhost"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_unspecified:
        return None
    if address.is_loopback:
        return "loopback address"
    if address.is_private and not address.is_link_local:
        return "private-network address"
    return None
