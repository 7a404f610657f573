"""The `python -m build_tools` commands besides building: reading mkdocs.yml first, starting a course, the review check."""
