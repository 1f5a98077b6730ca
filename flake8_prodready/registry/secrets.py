"""PRD5xx: one code per detect-secrets plugin, plus a catch-all for unknown detectors.

The table is static on purpose: the flake8 plugin imports the registry, and importing
``detect_secrets`` costs ~85 ms that a flake8 run with the secrets scan off must not pay.
``tests/test_secrets_mapping.py`` enumerates the plugins the *installed* detect-secrets
ships (through its own plugin discovery) and fails when one has no code here, so a
detect-secrets upgrade that adds a detector cannot slip through unmapped. At run time a
detector missing from this table is reported as PRD599 with its ``secret_type``.

Codes are public API: never renumber, never reuse. A new detector gets the next free code.
"""

from __future__ import annotations

from typing import NamedTuple

from . import PYTHON, SECRETS, Rule


class Detector(NamedTuple):
    code: str
    plugin: str  # detect-secrets plugin class name (what baselines' plugins_used record)
    secret_type: str  # the plugin's secret_type (what baselines' results record)
    name: str  # our rule name
    what: str  # what the detector looks for, for the docs
    example: str  # a line the detector reports (values are fakes from the docs of each vendor)
    fix: str  # what to write instead


_ENV_FIX = "Read the value from the environment or a secret store at run time, and rotate "
_PRAGMA = ("If it is not a secret (a test vector, a public sample), say so on the line: "
           "`# pragma: allowlist secret`.")


def _fix(what: str) -> str:
    return f"{_ENV_FIX}{what}: it is in the repository's history already. {_PRAGMA}"


def _block(language: str, text: str) -> str:
    return f"```{language}\n{text}\n```"


DETECTORS: tuple[Detector, ...] = (
    Detector("PRD501", "AWSKeyDetector", "AWS Access Key", "aws-access-key",
             "AWS access key ids (`AKIA…`, `ASIA…`) and secret access keys assigned to an "
             "`aws_secret_access_key`-like name.",
             _block("ini", "aws_access_key_id = AKIA…"),
             _fix("the key pair in IAM")),
    Detector("PRD502", "AzureStorageKeyDetector", "Azure Storage Account access key",
             "azure-storage-key",
             "Azure storage account keys (`AccountKey=…` in connection strings).",
             _block("text", "DefaultEndpointsProtocol=https;AccountName=app;AccountKey=lJzR…=="),
             _fix("the storage account key")),
    Detector("PRD503", "PrivateKeyDetector", "Private Key", "private-key",
             "PEM and OpenSSH private key headers (`-----BEGIN RSA PRIVATE KEY-----`, "
             "`BEGIN OPENSSH PRIVATE KEY`, PGP private key blocks, PuTTY keys).",
             _block("text", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA…"),
             "Load the key from a file mounted at run time (a secret volume, a key "
             "management service) and issue a new key pair. " + _PRAGMA),
    Detector("PRD504", "GitHubTokenDetector", "GitHub Token", "github-token",
             "GitHub personal access, OAuth, app and refresh tokens (`ghp_…`, `gho_…`, "
             "`ghu_…`, `ghs_…`, `ghr_…`).",
             _block("sh", "GITHUB_TOKEN=ghp_…"),
             _fix("the token in GitHub's developer settings")),
    Detector("PRD505", "GitLabTokenDetector", "GitLab Token", "gitlab-token",
             "GitLab personal, project, deploy, runner, pipeline-trigger and feed tokens "
             "(`glpat-…`, `gldt-…`, `glrt-…`, `glptt-…`, …).",
             _block("yaml", "token: glpat-…"),
             _fix("the token in GitLab")),
    Detector("PRD506", "SlackDetector", "Slack Token", "slack-token",
             "Slack API tokens (`xoxb-…`, `xoxp-…`, …) and incoming-webhook URLs.",
             _block("python", 'SLACK_WEBHOOK = "https://hooks.slack.com/services/T…/B…/…"'),
             _fix("the token or webhook in the Slack app settings")),
    Detector("PRD507", "StripeDetector", "Stripe Access Key", "stripe-key",
             "Stripe secret and restricted keys (`sk_live_…`, `rk_live_…`).",
             _block("js", 'const stripe = Stripe("sk_live_…");'),
             _fix("the key in the Stripe dashboard")),
    Detector("PRD508", "OpenAIDetector", "OpenAI Token", "openai-token",
             "OpenAI API keys (`sk-…T3BlbkFJ…`).",
             _block("sh", "OPENAI_API_KEY=sk-…T3BlbkFJ…"),
             _fix("the key in the OpenAI dashboard")),
    Detector("PRD509", "JwtTokenDetector", "JSON Web Token", "json-web-token",
             "Signed JSON Web Tokens (three base64url parts starting `eyJ`).",
             _block("ts", 'const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOi….…";'),
             "Issue tokens at run time; a committed token is valid until it expires (often "
             "never) for whoever reads it. " + _PRAGMA),
    Detector("PRD510", "BasicAuthDetector", "Basic Auth Credentials",
             "basic-auth-credentials",
             "Passwords embedded in URLs (`scheme://user:password@host`).",
             _block("yaml", "DATABASE_URL: postgresql://app:<password>@db:5432/app"),
             "Build the URL from separate settings and read the password from the "
             "environment or a secret store. " + _PRAGMA),
    Detector("PRD511", "KeywordDetector", "Secret Keyword", "secret-keyword",
             "A literal value assigned to a secret-sounding name (`password`, `secret`, "
             "`api_key`, `token`, …), with per-language assignment patterns.",
             _block("yaml", "db_password: hunt…"),
             _fix("the credential")),
    Detector("PRD512", "Base64HighEntropyString", "Base64 High Entropy String",
             "base64-high-entropy-string",
             "A quoted base64 string whose Shannon entropy exceeds `secrets-base64-limit` "
             "(default 4.5).",
             _block("json", '{"signing_key": "c2Vj…YXBp"}'),
             _fix("the credential") + " Raise `secrets-base64-limit` if your code base is "
             "full of harmless random-looking ids."),
    Detector("PRD513", "HexHighEntropyString", "Hex High Entropy String",
             "hex-high-entropy-string",
             "A quoted hexadecimal string whose Shannon entropy exceeds "
             "`secrets-hex-limit` (default 3.0).",
             _block("python", 'API_SECRET = "8f2d…2b3a"'),
             _fix("the credential") + " Content hashes and commit ids are common false "
             "positives: mark them with the pragma, or raise `secrets-hex-limit`."),
    Detector("PRD514", "ArtifactoryDetector", "Artifactory Credentials",
             "artifactory-credentials",
             "JFrog Artifactory API keys (`AKC…`) and identity tokens (`AP…`).",
             _block("ini", "artifactory_api_key = AKCp…"),
             _fix("the key in Artifactory")),
    Detector("PRD515", "CloudantDetector", "Cloudant Credentials",
             "cloudant-credentials",
             "IBM Cloudant passwords and API keys assigned to cloudant-named settings or "
             "embedded in Cloudant URLs.",
             _block("text", "https://acct:<key>@acct.cloudant.com"),
             _fix("the Cloudant credential")),
    Detector("PRD516", "DiscordBotTokenDetector", "Discord Bot Token",
             "discord-bot-token",
             "Discord bot tokens (three dot-separated base64 parts starting with the "
             "bot's id).",
             _block("sh", "DISCORD_TOKEN=MTk4NjIy…"),
             _fix("the token in the Discord developer portal")),
    Detector("PRD517", "IbmCloudIamDetector", "IBM Cloud IAM Key", "ibm-cloud-iam-key",
             "IBM Cloud IAM API keys assigned to ibm/iam-named settings.",
             _block("ini", "ibm_cloud_iam_api_key = …"),
             _fix("the IAM key")),
    Detector("PRD518", "IbmCosHmacDetector", "IBM COS HMAC Credentials",
             "ibm-cos-hmac-credentials",
             "IBM Cloud Object Storage HMAC secret access keys.",
             _block("ini", "secret_access_key = …"),
             _fix("the HMAC key pair")),
    Detector("PRD519", "IPPublicDetector", "Public IP (ipv4)", "public-ipv4",
             "Public (non-private, non-loopback) IPv4 addresses, which often identify a "
             "real server a credential belongs to.",
             _block("yaml", "db_host: 52.20.…"),
             "Read hosts from configuration (a DNS name in the environment). Documentation "
             "addresses and public resolvers are common false positives: mark them with "
             "the pragma or ignore PRD519."),
    Detector("PRD520", "MailchimpDetector", "Mailchimp Access Key", "mailchimp-key",
             "Mailchimp API keys (32 hex digits and a `-usNN` data-centre suffix).",
             _block("sh", "MAILCHIMP_KEY=…-us12"),
             _fix("the key in Mailchimp")),
    Detector("PRD521", "NpmDetector", "NPM tokens", "npm-token",
             "npm registry auth tokens in `.npmrc` (`//registry…/:_authToken=…`).",
             _block("ini", "//registry.npmjs.org/:_authToken=…"),
             "Use `_authToken=${NPM_TOKEN}` and provide the variable in CI; revoke the "
             "token with `npm token revoke`. " + _PRAGMA),
    Detector("PRD522", "PypiTokenDetector", "PyPI Token", "pypi-token",
             "PyPI and TestPyPI upload tokens (`pypi-AgEIcHlwaS5vcmc…`).",
             _block("ini", "password = pypi-AgEIcHlwaS5vcmc…"),
             "Use trusted publishing or a CI secret; revoke the token on pypi.org. "
             + _PRAGMA),
    Detector("PRD523", "SendGridDetector", "SendGrid API Key", "sendgrid-key",
             "SendGrid API keys (`SG.…`).",
             _block("sh", "SENDGRID_API_KEY=SG.…"),
             _fix("the key in SendGrid")),
    Detector("PRD524", "SoftlayerDetector", "SoftLayer Credentials",
             "softlayer-credentials",
             "IBM SoftLayer API keys assigned to softlayer-named settings or in SoftLayer "
             "API URLs.",
             _block("ini", "softlayer_api_key = …"),
             _fix("the key")),
    Detector("PRD525", "SquareOAuthDetector", "Square OAuth Secret", "square-oauth-secret",
             "Square OAuth application secrets (`sq0csp-…`).",
             _block("sh", "SQUARE_SECRET=sq0csp-…"),
             _fix("the secret in the Square developer dashboard")),
    Detector("PRD526", "TelegramBotTokenDetector", "Telegram Bot Token",
             "telegram-bot-token",
             "Telegram bot tokens (`123456789:AA…`).",
             _block("sh", "TELEGRAM_TOKEN=123456789:AA…"),
             _fix("the token with @BotFather")),
    Detector("PRD527", "TwilioKeyDetector", "Twilio API Key", "twilio-key",
             "Twilio account SIDs (`AC…`) and API key SIDs (`SK…`).",
             _block("sh", "TWILIO_API_KEY=SK…"),
             _fix("the key in the Twilio console")),
)

#: The catch-all: a detector detect-secrets reports that this table does not know (a newer
#: detect-secrets release, or a custom plugin). Its secret_type goes into the message.
UNKNOWN_CODE = "PRD599"

BY_PLUGIN: dict[str, Detector] = {d.plugin: d for d in DETECTORS}
BY_SECRET_TYPE: dict[str, Detector] = {d.secret_type: d for d in DETECTORS}
BY_CODE: dict[str, Detector] = {d.code: d for d in DETECTORS}

_FACES = frozenset({SECRETS, PYTHON})
_RATIONALE = ("A secret committed to a repository is in every clone, fork, CI cache and "
              "image layer, and in the history after it is deleted: treat it as leaked. "
              "detect-secrets' {plugin} plugin found this one; the check runs in test code "
              "too, because a real key in a test is still a real key.")


def _rule(d: Detector) -> Rule:
    return Rule(
        code=d.code,
        name=d.name,
        summary=f"detect-secrets' {d.plugin} found a {d.secret_type}: {d.what}",
        message=d.secret_type + " {hint} found by detect-secrets; move it to a secret "
        "store and rotate it",
        rationale=_RATIONALE.format(plugin=d.plugin),
        faces=_FACES,
        applies_to_tests=True,
        options=_OPTIONS.get(d.plugin, ()),
        extra={"plugin": d.plugin, "secret_type": d.secret_type, "example": d.example,
               "fix": d.fix},
    )


_OPTIONS = {"Base64HighEntropyString": ("secrets-base64-limit",),
            "HexHighEntropyString": ("secrets-hex-limit",)}

RULES = tuple(_rule(d) for d in DETECTORS) + (
    Rule(
        code=UNKNOWN_CODE,
        name="unknown-secret-detector",
        summary="A detect-secrets plugin this version of flake8-prodready has no code for "
        "(a newer detect-secrets, or a custom plugin) found a secret.",
        message="{secret_type} {hint} found by detect-secrets plugin {plugin}; move it to "
        "a secret store and rotate it",
        rationale="A detector without its own code is still a detector: its findings are "
        "reported under this catch-all, with detect-secrets' secret type in the message, "
        "instead of being dropped or crashing the run.",
        faces=_FACES,
        applies_to_tests=True,
        extra={"example": "A newer detect-secrets that ships a `FooTokenDetector`:\n\n"
               + _block("text", 'app.cfg:3:9: PRD599 Foo Token "foo_…" found by '
                        "detect-secrets plugin FooTokenDetector; …"),
               "fix": "Treat it like any other leaked secret. Then upgrade "
               "flake8-prodready, which gives the detector its own code. " + _PRAGMA},
    ),
)
