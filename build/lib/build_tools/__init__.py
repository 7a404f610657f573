"""Builds a static CPD course site: Markdown modules and YAML quizzes in, MkDocs site out."""
