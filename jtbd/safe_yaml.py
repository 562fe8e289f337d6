"""Loading YAML safely, and describing its errors in one line with the line number.

Shared by the note readers and the guide files: both only ever hold plain data.
"""

from __future__ import annotations

import yaml

# The C loader is ~10x faster; both are *safe* loaders: no Python objects are built.
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_problem(error: yaml.YAMLError, unsafe_tag_hint: str) -> str:
    """A one-line description of a YAML error, without PyYAML's multi-line context.

    ``unsafe_tag_hint`` ends the message about a refused ``!!python/...`` tag.
    """
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if "could not determine a constructor" in problem:
        tag = problem.split("tag", 1)[-1].strip(" '").replace("tag:yaml.org,2002:", "!!")
        return f"YAML tag {tag} is not allowed ({unsafe_tag_hint})"
    context = getattr(error, "context", None)
    return f"invalid YAML: {context + ': ' if context else ''}{problem}"


def yaml_line(error: yaml.YAMLError, first_line: int, text: str = "") -> int | None:
    """The line in the file of a YAML error, given the line where the YAML text starts."""
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    last = text.count("\n") if text else None
    # An unclosed bracket or quote is only noticed at the end of the text; the line that
    # opened it (the context) is the one the user has to fix.
    if context is not None and (mark is None or (last is not None and mark.line >= last)):
        mark = context
    if mark is None:
        return None
    line = mark.line if last is None else min(mark.line, last)
    return first_line + line
