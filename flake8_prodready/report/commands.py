"""From a container command line to the Python code it starts.

``python src/api.py``, ``python -m pkg.mod``, ``uvicorn pkg.app:app``, ``gunicorn -b :80
pkg.wsgi``, ``celery -A pkg worker``, wrapped in ``sh -c "..."``, ``exec``, ``env FOO=1``,
``dumb-init --``, ``poetry run`` and chained with ``&&``: each becomes a :class:`Target`
(a file, a module, or a ``python -c`` code string). What cannot be read statically (a
command built from ``$VARIABLES``, a syntax we do not know) is returned as a target of
kind ``dynamic`` with the reason, never guessed.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence

FILE = "file"
MODULE = "module"
CODE = "code"
SCRIPT = "script"  # a shell script; the caller may read it and parse its lines
DYNAMIC = "dynamic"

# How deep sh -c inside sh -c inside a script may go before we give up (a loop guard).
MAX_DEPTH = 8


@dataclass(frozen=True)
class Target:
    kind: str  # FILE, MODULE, CODE, SCRIPT or DYNAMIC
    value: str  # path, dotted module, code, or the reason (DYNAMIC)
    launcher: str  # "python", "uvicorn", ... (what started it), for the report
    command: str  # the command segment it came from
    #: Directories added to the import path by the launcher (--chdir, --app-dir,
    #: --pythonpath), as written (container paths).
    import_dirs: tuple = ()
    #: Optional targets (celery's "pkg.celery" next to "pkg") do not make a gap if absent.
    optional: bool = False


PYTHON_BINARY = re.compile(r"^(?:.*/)?(?:python|pypy)(?:[0-9]+(?:\.[0-9]+)?)?[mdu]?$")
ENV_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# pkg.mod or pkg.mod:attr or pkg.mod:factory() -- identifiers only, so "0.0.0.0:8000",
# "8000" and "unix:/tmp/x.sock" (gunicorn --bind values) never look like an app.
APP_REF = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
                     r"(?::([A-Za-z_][A-Za-z0-9_.]*)(?:\(.*\))?)?$")
SHELL_KEYWORDS = frozenset({"then", "do", "else", "{", "!", "time"})
SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})
SHELL_OPERATORS = frozenset({"&&", "||", ";", "|", "&", ";;", "(", ")", "\n"})

# Wrappers that run the rest of the command line: name -> how many arguments they eat
# before the command (after their own options).
WRAPPERS = {
    "exec": 0, "nohup": 0, "time": 0, "nice": 0, "ionice": 0, "stdbuf": 0, "chronic": 0,
    "dumb-init": 0, "tini": 0, "catatonit": 0, "ddtrace-run": 0,
    "opentelemetry-instrument": 0, "gosu": 1, "su-exec": 1, "chpst": 0, "setpriv": 0,
    "timeout": 1, "doppler": 0, "infisical": 0, "aws-vault": 0, "dotenv": 0,
}
# "<tool> run <command>" runners (and newrelic-admin run-program).
RUNNERS = {"poetry": "run", "pipenv": "run", "pdm": "run", "uv": "run", "hatch": "run",
           "rye": "run", "newrelic-admin": "run-program", "pixi": "run"}

# Options that take a value, per launcher, so the value is not read as the app.
_COMMON_VALUE_OPTIONS = {"--host", "--port", "--workers", "--log-level", "--log-config",
                         "--config", "-c", "--bind", "-b", "--timeout", "-t", "--user",
                         "-u", "--group", "-g", "--env-file", "--root-path", "--backlog",
                         "--certfile", "--keyfile", "--ca-certs", "--name", "-n", "--pid",
                         "-p", "--access-logfile", "--error-logfile", "--access-logformat",
                         "--worker-class", "-k", "-w", "--threads", "--keep-alive",
                         "--graceful-timeout", "--max-requests", "--max-requests-jitter",
                         "--worker-connections", "--forwarded-allow-ips", "--uds", "--fd",
                         "--loop", "--http", "--ws", "--lifespan", "--interface",
                         "--limit-concurrency", "--limit-max-requests", "--reload-dir",
                         "--reload-include", "--reload-exclude", "--reload-delay",
                         "--timeout-keep-alive", "--header", "--ssl-keyfile",
                         "--ssl-certfile", "--ssl-keyfile-password", "--ssl-version",
                         "--ssl-cert-reqs", "--ssl-ca-certs", "--ssl-ciphers", "-e",
                         "--statsd-host", "--statsd-prefix", "--umask", "-m",
                         "--worker-tmp-dir", "--limit-request-line",
                         "--limit-request-fields", "--limit-request-field_size",
                         "--ws-max-size", "--ws-ping-interval", "--ws-ping-timeout",
                         "--h11-max-incomplete-event-size", "--timeout-graceful-shutdown",
                         "--ws-max-queue", "--proxy-headers-host", "--server-header",
                         "--insecure-bind", "--quic-bind", "--access-log", "--error-log",
                         "--keep-alive-timeout", "--root-path", "--ping-interval",
                         "--ping-timeout", "--application-close-timeout", "--verbosity",
                         "-v", "--unix-socket", "--endpoint", "--port-range", "--listen",
                         "--threads", "--call-name", "--url-scheme", "--ident",
                         "--chdir", "--app-dir", "--pythonpath", "--paste", "--paste-global",
                         "--server-address", "--server-port"}
# Options whose value is a directory put on the import path.
_IMPORT_DIR_OPTIONS = {"--chdir", "--app-dir", "--pythonpath"}
APP_LAUNCHERS = frozenset({"uvicorn", "gunicorn", "hypercorn", "daphne", "waitress-serve",
                           "granian"})


def split_shell(text: str) -> Optional[List[str]]:
    """Shell words and operators of ``text``; None when it does not tokenise (an open quote)."""
    try:
        lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|()")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        return list(lexer)
    except ValueError:
        return None


def segments(words: Sequence[str]) -> List[List[str]]:
    """Split a word list at shell operators (&&, ||, ;, |, &)."""
    out: List[List[str]] = [[]]
    for word in words:
        if word in SHELL_OPERATORS or (word and set(word) <= set(";&|()")):
            if out[-1]:
                out.append([])
        else:
            out[-1].append(word)
    return [segment for segment in out if segment]


def parse_shell(text: str, script_reader: Optional[Callable[[str], Optional[str]]] = None,
                args: Sequence[str] = (), depth: int = 0) -> List[Target]:
    """Targets of a shell command string (``sh -c`` text, Dockerfile shell form, a script)."""
    targets: List[Target] = []
    for line in _logical_lines(text):
        words = split_shell(line)
        if words is None:
            targets.append(Target(DYNAMIC, "unbalanced quotes in shell command", "sh", line))
            continue
        for segment in segments(words):
            targets.extend(parse_argv(segment, script_reader, args, depth + 1))
    return targets


def _logical_lines(text: str) -> List[str]:
    joined = re.sub(r"\\\r?\n", " ", text)
    return [line for line in joined.splitlines() if line.strip()]


def parse_argv(argv: Sequence[str], script_reader: Optional[Callable[[str], Optional[str]]]
               = None, script_args: Sequence[str] = (), depth: int = 0) -> List[Target]:
    """Targets of one command (a list of words, as in exec form or a shell segment).

    ``script_reader(path)`` returns the text of a shell script in the project (or None);
    it lets ``./entrypoint.sh`` and ``sh start.sh`` be followed.
    """
    command = " ".join(argv)
    if depth > MAX_DEPTH:
        return [Target(DYNAMIC, "commands nested too deeply", "sh", command)]
    words = list(argv)
    # Strip environment assignments, wrappers and runners in front of the real command.
    while words:
        head = words[0]
        name = head.rsplit("/", 1)[-1]
        if ENV_ASSIGNMENT.match(head):
            words = words[1:]
        elif name == "env":
            words = words[1:]
            while words and (ENV_ASSIGNMENT.match(words[0]) or words[0].startswith("-")):
                skip = 2 if words[0] in ("-u", "--unset", "-C", "--chdir") else 1
                words = words[skip:]
        elif name in WRAPPERS:
            words = words[1:]
            while words and words[0].startswith("-"):
                done = words[0] == "--"
                words = words[1:]
                if done:
                    break
            words = words[WRAPPERS[name]:]
        elif name in RUNNERS and len(words) > 1 and words[1] == RUNNERS[name]:
            words = words[2:]
            while words and words[0].startswith("-"):
                words = words[1:]
        elif head in SHELL_KEYWORDS:
            words = words[1:]  # "then python app.py" inside a script's if/for
        else:
            break
    if not words:
        return []
    head = words[0]
    name = head.rsplit("/", 1)[-1]
    if head in ("$@", "$*"):
        # exec "$@" in an entrypoint script runs the arguments it was given (the CMD).
        if not script_args:
            return []
        return parse_argv([*script_args, *words[1:]], script_reader, (), depth + 1)
    if "$" in head:
        return [Target(DYNAMIC, f"command is a variable ({head})", "sh", command)]
    if name in SHELLS:
        return _parse_shell_invocation(words, script_reader, depth, command)
    if PYTHON_BINARY.match(head):
        return _parse_python(words[1:], script_reader, depth, command)
    if name in APP_LAUNCHERS:
        return _parse_app_launcher(name, words[1:], command)
    if name in ("celery", "faust"):
        return _parse_celery(name, words[1:], command)
    if name in ("flask",):
        return _parse_flask(words[1:], command)
    if name in ("fastapi", "streamlit"):
        return _parse_run_file(name, words[1:], command)
    if name in ("dramatiq", "huey_consumer", "huey_consumer.py", "arq", "rq"):
        return _parse_worker_cli(name, words[1:], command)
    if head.endswith(".py"):
        return [Target(FILE, head, "python", command)]
    # wait-for-it.sh db:5432 -- python app.py and friends: the command after "--".
    if "--" in words:
        return parse_argv(words[words.index("--") + 1:], script_reader, (), depth + 1)
    if head.endswith(".sh") or head.startswith(("./", "/")):
        return _follow_script(head, words[1:], script_reader, depth, command)
    return []  # not a Python process (redis-server, nginx, node, ...)


def _follow_script(path: str, args: Sequence[str], script_reader, depth: int,
                   command: str) -> List[Target]:
    text = script_reader(path) if script_reader is not None else None
    if text is None:
        if path.endswith(".sh"):
            return [Target(DYNAMIC, f"shell script {path} not found in the project", "sh",
                           command)]
        return []  # a binary of the image (/usr/bin/..., ./server)
    return parse_shell(text, script_reader, args, depth + 1)


def _parse_shell_invocation(words: List[str], script_reader, depth: int,
                            command: str) -> List[Target]:
    rest = words[1:]
    while rest and rest[0].startswith("-") and "c" not in rest[0][1:]:
        rest = rest[1:]  # -e, -x, -eu, ...
    if rest and rest[0].startswith("-") and "c" in rest[0][1:]:
        if len(rest) < 2:
            return [Target(DYNAMIC, "sh -c without a command", "sh", command)]
        return parse_shell(rest[1], script_reader, rest[3:], depth + 1)
    if rest:
        return _follow_script(rest[0], rest[1:], script_reader, depth, command)
    return []


def _parse_python(args: List[str], script_reader, depth: int, command: str) -> List[Target]:
    i = 0
    while i < len(args):
        word = args[i]
        if word == "-m" or (word.startswith("-") and not word.startswith("--")
                            and word.endswith("m") and set(word[1:]) <= set("bBdEhiIOPqsSuvxm")):
            if i + 1 >= len(args):
                return [Target(DYNAMIC, "python -m without a module", "python", command)]
            return _python_module(args[i + 1], args[i + 2:], script_reader, depth, command)
        if word.startswith("-m") and len(word) > 2:
            return _python_module(word[2:], args[i + 1:], script_reader, depth, command)
        if word == "-c" or (word.startswith("-c") and len(word) > 2):
            code = word[2:] if len(word) > 2 else (args[i + 1] if i + 1 < len(args) else "")
            return [Target(CODE, code, "python -c", command)]
        if word in ("-W", "-X", "--check-hash-based-pycs"):
            i += 2
            continue
        if word == "-":
            return [Target(DYNAMIC, "python reads its program from stdin", "python", command)]
        if word.startswith("-"):
            i += 1
            continue
        if "$" in word:
            return [Target(DYNAMIC, f"script path is a variable ({word})", "python", command)]
        return [Target(FILE, word, "python", command)]
    return [Target(DYNAMIC, "python without a program (interactive)", "python", command)]


def _python_module(module: str, rest: List[str], script_reader, depth: int,
                   command: str) -> List[Target]:
    if "$" in module:
        return [Target(DYNAMIC, f"module name is a variable ({module})", "python -m", command)]
    launcher = module.split(".")[0]
    if launcher in APP_LAUNCHERS or launcher in ("celery", "flask", "dramatiq", "arq", "rq",
                                                 "faust", "streamlit", "fastapi"):
        return parse_argv([launcher, *rest], script_reader, (), depth + 1)
    return [Target(MODULE, module, "python -m", command)]


def _options_and_positionals(args: Sequence[str], value_options=_COMMON_VALUE_OPTIONS):
    """(options as (name, value) pairs, positionals) with values of known options taken."""
    options, positionals = [], []
    i = 0
    while i < len(args):
        word = args[i]
        if word.startswith("--") and "=" in word:
            name, _, value = word.partition("=")
            options.append((name, value))
        elif word in value_options:
            options.append((word, args[i + 1] if i + 1 < len(args) else ""))
            i += 1
        elif word.startswith("-") and len(word) > 2 and word[:2] in value_options \
                and not word.startswith("--"):
            options.append((word[:2], word[2:]))  # -b:8000, -w4
        elif word.startswith("-"):
            options.append((word, ""))
        else:
            positionals.append(word)
        i += 1
    return options, positionals


def _import_dirs(options) -> tuple:
    dirs = []
    for name, value in options:
        if name in _IMPORT_DIR_OPTIONS and value:
            dirs.extend(part for part in value.split(",") if part)
    return tuple(dirs)


def _app_target(ref: str, launcher: str, command: str, import_dirs=()) -> Target:
    if "$" in ref:
        return Target(DYNAMIC, f"application is a variable ({ref})", launcher, command)
    match = APP_REF.match(ref)
    if match is None:
        return Target(DYNAMIC, f"cannot read application reference {ref!r}", launcher, command)
    return Target(MODULE, match.group(1), launcher, command, import_dirs)


def _parse_app_launcher(name: str, args: List[str], command: str) -> List[Target]:
    options, positionals = _options_and_positionals(args)
    dirs = _import_dirs(options)
    targets = []
    # gunicorn's config file is Python that runs in production too.
    for option, value in options:
        if name == "gunicorn" and option in ("-c", "--config") and value:
            if value.startswith("python:"):
                targets.append(Target(MODULE, value[len("python:"):], name, command, dirs))
            elif value.endswith(".py"):
                targets.append(Target(FILE, value, name, command, dirs))
    # Prefer the module:attr form; hypercorn and gunicorn also take a bare module.
    refs = [word for word in positionals if ":" in word and APP_REF.match(word)]
    if not refs:
        refs = [word for word in positionals if "$" in word or APP_REF.match(word)][:1]
    if not refs:
        return targets + [Target(DYNAMIC, f"{name} without an application argument", name,
                                 command)]
    return targets + [_app_target(refs[0], name, command, dirs)]


def _parse_celery(name: str, args: List[str], command: str) -> List[Target]:
    options, _ = _options_and_positionals(args, _COMMON_VALUE_OPTIONS | {"-A", "--app",
                                                                         "--workdir"})
    app = ""
    dirs = []
    for option, value in options:
        if option in ("-A", "--app"):
            app = value
        elif option == "--workdir" and value:
            dirs.append(value)
    if not app:
        for word in args:
            if word.startswith("-A") and len(word) > 2:
                app = word[2:]
    if not app:
        return [Target(DYNAMIC, f"{name} without -A/--app", name, command)]
    target = _app_target(app, name, command, tuple(dirs))
    if target.kind != MODULE:
        return [target]
    # Celery's -A pkg finds pkg.app / pkg.celery, or the submodule pkg.celery.
    return [target, Target(MODULE, target.value + ".celery", name, command, tuple(dirs),
                           optional=True)]


def _parse_flask(args: List[str], command: str) -> List[Target]:
    options, _ = _options_and_positionals(args, _COMMON_VALUE_OPTIONS | {"-A", "--app"})
    for option, value in options:
        if option in ("-A", "--app") and value:
            if value.endswith(".py"):
                return [Target(FILE, value, "flask", command)]
            return [_app_target(value, "flask", command)]
    return [Target(DYNAMIC, "flask without --app (FLASK_APP from the environment)", "flask",
                   command)]


def _parse_run_file(name: str, args: List[str], command: str) -> List[Target]:
    _, positionals = _options_and_positionals(args)
    if positionals[:1] == ["run"]:
        positionals = positionals[1:]
    if positionals and positionals[0].endswith(".py"):
        return [Target(FILE, positionals[0], name, command)]
    if name == "fastapi" and not positionals:
        return [Target(DYNAMIC, "fastapi run without a path (auto-discovery)", name, command)]
    if positionals:
        return [Target(FILE, positionals[0], name, command)]
    return [Target(DYNAMIC, f"{name} without a file", name, command)]


def _parse_worker_cli(name: str, args: List[str], command: str) -> List[Target]:
    options, positionals = _options_and_positionals(args)
    if name == "rq":
        return [Target(DYNAMIC, "rq worker imports job functions by name at run time", name,
                       command)]
    if not positionals:
        return [Target(DYNAMIC, f"{name} without a module", name, command)]
    ref = positionals[0]
    if name == "arq" and "." in ref:
        ref = ref.rsplit(".", 1)[0]  # arq pkg.worker.WorkerSettings
    return [_app_target(ref, name, command, _import_dirs(options))]
