"""Settings written in mkdocs.yml's `extra` (the course, its banners), declared as MkDocs `Config` schemas.

Material's blog reads a post's front matter the same way. One difference: a `Config`'s own `validate` stops at the
first failing option, and an author should hear of every problem at once, so `read_settings` checks every option.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

SettingsT = TypeVar("SettingsT", bound=Config)


class Checked(BaseConfigOption[Any]):
    """A setting that `test` accepts as written and `convert` turns into its value; `why` (the value as written in,
    the end of a sentence out) says what is wrong and what to write instead."""

    def __init__(self, why: str | Callable[[Any], str], test: Callable[[Any], Any],
                 convert: Callable[[Any], Any] | None = None, default: Any = None) -> None:
        super().__init__()
        self.why = why
        self.test = test
        self.convert = convert
        self.default = default

    def run_validation(self, value: object) -> Any:
        if not self.test(value):
            raise ValidationError(self.why(value) if callable(self.why) else self.why)
        return self.convert(value) if self.convert and value is not None else value


def read_settings(schema: type[SettingsT], raw: dict[str, Any]) -> tuple[SettingsT, list[tuple[str, str]], list[str]]:
    """The settings as written, checked option by option: the schema filled in, each failing setting with why it
    fails (in the schema's order), and the names the schema does not know."""
    settings = schema()
    settings.load_dict(raw)
    options = {key: option for key, option in vars(schema).items() if isinstance(option, BaseConfigOption)}
    failed = []
    for key, option in options.items():
        try:
            settings[key] = option.validate(settings.get(key))
        except ValidationError as error:
            failed.append((key, str(error)))
    return settings, failed, sorted(set(raw) - set(options))


def is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def is_text_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(is_text(item) for item in value)


def stripped_texts(value: list[str]) -> tuple[str, ...]:
    return tuple(item.strip() for item in value)
