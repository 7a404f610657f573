"""mkdocs.yml as the commands first read it: problems MkDocs itself would meet with a traceback, said plainly, and
the config loaded with its errors as one plain message."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError

from ..model.errors import not_utf8
from ..model.review import today


class ConfigProblem(Exception):
    """mkdocs.yml cannot be read; the message says where and how to fix it."""


def preflight(config_file: Path) -> None:
    """Problems in mkdocs.yml that MkDocs itself would meet with a traceback, said plainly instead."""
    if not config_file.is_file():
        raise ConfigProblem(f"{config_file}: there is no such file: run this in the course's folder, or give "
                            "its mkdocs.yml with -f")
    data = config_file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigProblem(str(not_utf8(config_file.name, data, error))) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        size = expanded_size(root, config_file.name, {}, set())
        values = scalars(root) if size <= MAX_CONFIG_NODES else []
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else "?"
        raise ConfigProblem(f"{config_file.name}:{line}: this is not valid YAML here ({error.problem}): check the "
                            "indentation, and quote text that contains a colon") from None
    except RecursionError:
        raise ConfigProblem(f"{config_file.name}: its settings are nested hundreds of levels deep, far more than any "
                            "course needs: write them with less nesting") from None
    if size > MAX_CONFIG_NODES:
        raise ConfigProblem(f"{config_file.name}: its YAML aliases ('*name') expand to more than "
                            f"{MAX_CONFIG_NODES:,} values, far more than any course needs: write the settings out "
                            "instead of repeating them through aliases")
    today()  # a mistyped COURSE_TODAY is said now, before any page is read
    for key, node in values:
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(node)
            except ValueError:
                raise ConfigProblem(f"{config_file.name}:{node.start_mark.line + 1}: '{key}: {node.value}' is not a "
                                    "date: write a real date as YYYY-MM-DD (year, month, day), e.g. "
                                    "'2027-11-01'") from None


MAX_CONFIG_NODES = 20_000
"""Values mkdocs.yml may expand to once aliases are followed; a real course has a few hundred."""


def expanded_size(node: yaml.Node | None, name: str, sizes: dict[int, int], open_nodes: set[int]) -> int:
    """How many values the document holds once every alias is expanded, worked out without expanding them."""
    if node is None or id(node) in sizes:
        return sizes.get(id(node), 0)
    if id(node) in open_nodes:
        raise ConfigProblem(f"{name}:{node.start_mark.line + 1}: this alias refers to the block it is in, which "
                            "would never end: write the value out instead")
    open_nodes.add(id(node))
    children = node.value if isinstance(node, yaml.SequenceNode) else (
        [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else [])
    sizes[id(node)] = 1 + sum(expanded_size(child, name, sizes, open_nodes) for child in children)
    open_nodes.discard(id(node))
    return sizes[id(node)]


def scalars(node: yaml.Node | None, key: str = "") -> list[tuple[str, yaml.ScalarNode]]:
    """Every scalar in a composed YAML document, with the key it is under."""
    if isinstance(node, yaml.ScalarNode):
        return [(key, node)]
    if isinstance(node, yaml.MappingNode):
        return [found for k, v in node.value for found in scalars(v, getattr(k, "value", key))]
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in scalars(item, key)]
    return []


def load(config_file: Path, site_dir: Path) -> MkDocsConfig:
    try:
        return load_config(str(config_file), strict=True, site_dir=str(site_dir))
    except (ConfigurationError, PluginError) as error:
        raise ConfigProblem(f"{config_file.name}: {error}") from None
