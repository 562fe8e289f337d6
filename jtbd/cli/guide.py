"""Commands ``jtbd new-guide`` and ``jtbd lint-guide``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from jtbd.cli.common import reported_errors, write_output

if TYPE_CHECKING:
    # Types only: the library imports pydantic, which `jtbd --help` must not wait for.
    from jtbd.guides.fitting import Fit
    from jtbd.guides.library import GuideLibrary


_GuideType = Annotated[str, typer.Option("--type", "-t", help="Guide type; see --list.")]
_Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not to stdout.")]
_NotesTemplate = Annotated[
    bool, typer.Option("--notes-template", help="Write the notes template, not the guide.")
]


def new_guide_command(
    ctx: typer.Context,
    guide_type: _GuideType = "switch",
    product: Annotated[str | None, typer.Option(help="Fills {product}, e.g. 'Acme'.")] = None,
    job: Annotated[str | None, typer.Option(help="Fills {job}, e.g. 'file expenses'.")] = None,
    minutes: Annotated[
        int | None, typer.Option(help="Keep the top-priority questions that fit.")
    ] = None,
    lang: Annotated[str, typer.Option(help="Language: en, it, ...")] = "en",
    list_types: Annotated[bool, typer.Option("--list", help="List the guide types and exit.")] = (
        False
    ),
    notes_template: _NotesTemplate = False,
    output: _Output = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the --output file.")] = False,
    guides_dir: Annotated[
        Path | None, typer.Option(help="Folder of your own guide types (YAML).")
    ] = None,
    template: Annotated[Path | None, typer.Option(help="Your own Jinja template.")] = None,
) -> None:
    """Write an interview guide or its notes template.

    {product} and {job} in the questions become --product and --job.
    Write the job as anyone could say it: 'file expenses', not 'my expenses'.
    """
    with reported_errors(ctx):
        from jtbd.errors import UsageError
        from jtbd.guides.library import GuideLibrary
        from jtbd.guides.render import render_guide, render_notes_template

        library = GuideLibrary(guides_dir)
        if list_types:
            write_output(_catalogue(library, lang), None)
            return
        if output is not None and output.exists() and not force:
            raise UsageError(f"{output} exists; use --force to overwrite it")
        loaded = library.load(guide_type, lang)
        if notes_template:
            text = render_notes_template(loaded, product=product, job=job, template=template)
        else:
            rendered = render_guide(
                loaded, product=product, job=job, minutes=minutes, template=template
            )
            text = rendered.text
            if rendered.fit is not None:
                _report_fit(rendered.fit)
        write_output(text, output)
        if output is not None:
            typer.echo(f"wrote {output}", err=True)


def _catalogue(library: GuideLibrary, lang: str) -> str:
    entries = library.catalogue(lang)
    width = max(len(entry.type) for entry in entries)
    lang_width = max(len(", ".join(entry.languages)) for entry in entries)
    return "".join(
        f"{entry.type:<{width}}  {entry.minutes:>3} min  "
        f"{', '.join(entry.languages):<{lang_width}}  {entry.description}\n"
        for entry in entries
    )


def _report_fit(fit: Fit) -> None:
    if not fit.dropped:
        typer.echo(f"every question fits {fit.budget} minutes; nothing dropped", err=True)
        return
    typer.echo(
        f"dropped {len(fit.dropped)} questions to fit {fit.budget} minutes "
        f"(kept {fit.kept_minutes} min):",
        err=True,
    )
    for question in fit.dropped:
        typer.echo(
            f"  - {question.id} (priority {question.priority}, {question.minutes} min): "
            f"{question.text}",
            err=True,
        )
    if fit.must_ask_minutes > fit.budget:
        typer.echo(
            f"warning: the must-ask questions alone take {fit.must_ask_minutes} minutes; "
            f"some of them were dropped",
            err=True,
        )


def lint_guide_command(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...", help="Guide files: Markdown or YAML.", show_default=False
        ),
    ],
    # A plain string checked by the library (not a click Choice), so a bad value gets the
    # same one-line error as every other usage error; the metavar still lists the choices.
    output_format: Annotated[
        str,
        typer.Option("--format", metavar="<text|json>", help="Lines or a JSON list."),
    ] = "text",
    lang: Annotated[
        str | None,
        typer.Option(help="Rules language [default: the file's]."),
    ] = None,
    guides_dir: Annotated[
        Path | None,
        typer.Option(help="Folder of your own _lint.yaml rule files."),
    ] = None,
) -> None:
    """Check guide questions for the mistakes that spoil interviews.

    Rules: hypothetical, leading, closed, double-barrelled, future.
    Prints file:line: rule: message per problem; exit code 1 when there is any.
    """
    with reported_errors(ctx):
        from jtbd.guides.library import GuideLibrary
        from jtbd.guides.lint import format_problems, lint_file

        format_problems([], output_format)  # a bad --format fails before any work
        library = GuideLibrary(guides_dir)
        problems = [problem for path in paths for problem in lint_file(path, lang, library)]
        write_output(format_problems(problems, output_format), None)
        if output_format == "text":
            files = f"{len(paths)} file{'s' if len(paths) != 1 else ''}"
            found = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
            typer.echo(f"{found if problems else 'no problems'} in {files}", err=True)
    if problems:
        raise typer.Exit(1)
