"""The ``kg`` command line: a thin shell over importable functions.

Each command parses its options, calls one library function and prints.
Errors a user can fix surface as one ``Error: …`` line and an exit code:
0 ok, 1 validation failed, 2 could not run.
"""
from __future__ import annotations

import sys

import click

from extract.errors import PolicyKGError

DEFAULT_OUT = "outputs"


class KgGroup(click.Group):
    """Turns library errors into a one-line message and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicyKGError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policy-kg")
def cli() -> None:
    """policy-kg: Chinese planning reports into a knowledge graph.

    \b
    Example:
        kg build                      # the sample corpus into outputs/
        kg extract reports/*.txt --json out.json
    """


def _progress(quiet: bool):
    if quiet:
        return None
    return lambda msg: click.echo(msg, err=True)


def _warn(warnings, quiet: bool) -> None:
    if quiet:
        return
    for w in warnings:
        click.echo(f"Warning: {w}", err=True)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--json", "json_out", default="-", show_default=True, metavar="OUT",
              help="Write the extraction JSON here ('-' for standard output).")
@click.option("--text/--no-text", default=False, help="Include each document's normalised text.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on standard error.")
def extract(files, json_out, text, quiet):
    """Extract entities and indicators from report FILES as one corpus.

    With no FILES, reads the embedded sample corpus. Offsets refer to the
    normalised text (--text includes it).

    \b
    Example:
        kg extract reports/*.txt --json out.json
    """
    from extract.contract import corpus_to_json, dumps
    from extract.corpus import extract_corpus
    from extract.fileio import write_atomic

    result = extract_corpus(files, progress=_progress(quiet))
    _warn(result.warnings, quiet)
    payload = dumps(corpus_to_json(result, include_text=text))
    if json_out == "-":
        sys.stdout.write(payload)
    else:
        write_atomic(json_out, payload)
        if not quiet:
            n = sum(len(d.entities) for d in result.documents)
            click.echo(f"Wrote {json_out}: {len(result.documents)} documents, {n} entities", err=True)


def main() -> None:
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
