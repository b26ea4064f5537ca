"""Reading a policy file and turning validation failures into one clear message with YAML paths."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .conditions import PathError

Model = TypeVar("Model", bound=BaseModel)


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file, the YAML path and the reason."""


def yaml_path(loc: Iterable[Any]) -> str:
    """Return a pydantic error location as a YAML path: ('offences', 3, 'when') -> 'offences[3].when'."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _describe(error: dict[str, Any]) -> str:
    path = yaml_path(error["loc"])
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, PathError):
        path = ".".join(p for p in (path, cause.path) if p)
        return f"{path}: {cause.reason}"
    message = error["msg"].removeprefix("Value error, ")
    return f"{path or '(top level)'}: {message}"


def read_policy_file(path: str | Path) -> Any:
    """Return the parsed YAML of a policy file; the only I/O of the policy code."""
    path = Path(path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PolicyError(f"{path}: cannot read the policy file: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise PolicyError(f"{path}: not valid YAML: {error}") from None


def validate_policy(model: type[Model], data: Any, *, source: str) -> Model:
    """Return the validated policy model, or raise PolicyError listing each fault with its YAML path."""
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: a policy file is a YAML mapping, found {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        faults = [_describe(e) for e in error.errors()]
        raise PolicyError(f"{source}: " + "; ".join(faults)) from None


def placeholders(text: str) -> set[str]:
    """Return the {placeholder} names used in an explain text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def allowing(*names: str) -> Callable[[str], str]:
    """Return a validator accepting an explain text that uses only these placeholders."""
    allowed = set(names)

    def check(text: str) -> str:
        try:
            unknown = placeholders(text) - allowed
        except ValueError as error:
            raise ValueError(f"badly formed placeholder in {text!r}: {error}") from None
        if unknown:
            shown = ", ".join("{" + n + "}" for n in sorted(allowed)) or "none"
            raise ValueError(f"unknown placeholder {{{sorted(unknown)[0]}}} (allowed here: {shown})")
        return text

    return check
