"""The course plugin's own settings (under `plugins: - course:` in mkdocs.yml), and the folders they name."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.config.base import ValidationError


class HexColour(c.Type):
    """A colour written as '#' and six hexadecimal digits."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
            raise ValidationError(f"'{text}' is not a colour: write it as '#' and six hexadecimal digits, "
                                  "e.g. '#1d4f91'")
        return text.lower()


class CourseConfig(Config):
    modules_dir = c.Type(str, default="modules")
    """Folder under docs/ whose pages are teaching modules (front matter, callout boxes, key points)."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder beside mkdocs.yml holding one YAML quiz file per page that carries a quiz."""
    final_assessment = c.Optional(c.Type(str))
    """The docs/ page of the final assessment: its quiz must set a pass mark."""
    assessment_review = c.Choice(("after-pass", "always", "never"), default="after-pass")
    """What a submitted final assessment shows: each question right or wrong with where it is taught, and the right
    options, feedback and explanations too after a pass (`after-pass`), after every attempt (`always`), or never."""
    home_page = c.Type(str, default="index.md")
    """Page whose `## Aim` and `## Learning objectives` open the course summary PDF."""
    about_page = c.Optional(c.Type(str))
    """Page whose `## Source` and `## Audience` sections the course summary PDF carries."""
    resources_page = c.Optional(c.Type(str))
    """Page whose list items (with their links) are the summary's resources."""
    summary_pdf = c.Type(bool, default=True)
    """Make the course summary PDF; turn off only for a quick local preview."""
    cache_dir = c.Type(str, default=".cache/course-summary")
    """Where the last summary PDFs are kept (beside mkdocs.yml), so unchanged inputs are not rendered again."""
    templates_cache_dir = c.Type(str, default=".cache/course-templates")
    """Where compiled page templates are kept (beside mkdocs.yml) between builds."""
    quiz_cache_dir = c.Type(str, default=".cache/course-quizzes")
    """Where quizzes' rendered text is kept (beside mkdocs.yml), so an edit re-renders only the quizzes it changed."""
    offline_shell = c.Optional(c.Type(str))
    """Set by the `offline` command, not by authors: the holder page whose storage keeps a copy's progress."""
    brand_colour = c.Optional(HexColour())
    """The colour of the summary PDF's headings and rules, e.g. '#1d4f91'; unset: the palette's primary colour."""
    pdf_timeout = c.Type((int, float), default=300)
    """Seconds the PDF renderer may take before the build gives up on it."""


def beside_config(config: MkDocsConfig, folder: str) -> Path:
    """A folder the plugin's settings name, which are relative to mkdocs.yml."""
    return Path(config.config_file_path).parent / folder


def site_language(config: MkDocsConfig) -> str:
    """The theme's language, which sets quiz buttons, the PDF's language, the pages' `lang` and, unless the course
    says otherwise, how dates are written."""
    return config.theme.get("language") or "en"
