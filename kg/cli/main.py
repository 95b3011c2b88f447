"""The ``kg`` command line: a thin shell over importable functions.

Each command parses its options, calls one library function and prints.
Errors a user can fix surface as one ``Error: …`` line and an exit code:
0 ok, 1 validation failed, 2 could not run.

Each command imports the library it runs in its own body, the one place in
kg where imports sit inside functions: a command loads only what it uses, so
``kg query`` starts in 0.3 s instead of the 2.3 s that spaCy, matplotlib,
pyshacl and pyvis together cost at start-up.
"""

from __future__ import annotations

import sys

import click

from extract.errors import InputError, PolicyKGError, ValidationFailed

DEFAULT_OUT = "outputs"


class KgGroup(click.Group):
    """Turns every error a user can fix into one ``Error: …`` line and an exit code.

    Library errors (PolicyKGError) keep their exit code. click's own usage
    errors (an unknown option, ``--format xml``, ``--port abc``, ``--out`` naming
    a file) would print a usage line, a hint and a blank line before their
    error; here they are the same one line, ending with where help is, and
    exit 2 as click does."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except PolicyKGError as exc:
            click.echo(f"Error: {_one_line(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # a file the library opened without a check of its own (permissions, a full disk)
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"Error: {where}{exc.strerror or _one_line(str(exc))}", err=True)
            ctx.exit(InputError.exit_code)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Exit as exc:
            code = exc.exit_code
        except _NO_ARGS_IS_HELP as exc:  # ``kg`` alone: the help, as click shows it
            exc.show()
            code = exc.exit_code
        except click.ClickException as exc:
            click.echo(f"Error: {_click_message(exc)}", err=True)
            code = exc.exit_code
        except click.Abort:
            click.echo("Aborted!", err=True)
            code = 1
        sys.exit(code if isinstance(code, int) else 0)


_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click >= 8.2


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _click_message(exc: click.ClickException) -> str:
    message = _one_line(exc.format_message())
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        message += f" (see {ctx.command_path} --help)"
    return message


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


def _warn(warnings, quiet: bool, skipped=()) -> None:
    """Warnings, unless quiet (the skipped files come at the end, in _skipped)."""
    said = {str(s) for s in skipped}
    if not quiet:
        for w in warnings:
            if w not in said:
                click.echo(f"Warning: {w}", err=True)


def _skipped(skipped) -> None:
    """The files that were not read, always, last."""
    if skipped:
        click.echo(f"Skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''}:", err=True)
        for s in skipped:
            click.echo(f"  {s}", err=True)


def _meta_options(f):
    f = click.option(
        "--area",
        default=None,
        metavar="NAME",
        help="The area of every report, whatever the texts say (one area: use reports.tsv for several).",
    )(f)
    return click.option(
        "--year",
        type=int,
        default=None,
        metavar="YEAR",
        help="The plan year of every report (the year in a 政府工作报告's title); the reviewed "
        "year is the one before. reports.tsv beside the reports sets them per file.",
    )(f)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path())
@_meta_options
@click.option(
    "--json",
    "json_out",
    default="-",
    show_default=True,
    metavar="OUT",
    help="Write the extraction JSON here ('-' for standard output).",
)
@click.option("--text/--no-text", default=False, help="Include each document's normalised text.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on standard error.")
def extract(files, year, area, json_out, text, quiet):
    """Extract entities and indicators from report FILES as one corpus.

    FILES are .txt, .html, .docx or .pdf files, or folders of them. With no
    FILES, reads the embedded sample corpus. Offsets refer to the normalised
    text (--text includes it). A file that cannot be read is skipped and named
    at the end; the exit code is non-zero only when none could be read.

    \b
    Example:
        kg extract reports/*.txt --json out.json
        kg extract reports/ --year 2021 --area 某某县 --json out.json
    """
    from extract.contract import corpus_to_json, dumps
    from extract.corpus import extract_corpus
    from extract.fileio import write_atomic

    result = extract_corpus(files, progress=_progress(quiet), year=year, area=area)
    _warn(result.warnings, quiet, result.skipped)
    payload = dumps(corpus_to_json(result, include_text=text))
    if json_out == "-":
        sys.stdout.write(payload)
    else:
        write_atomic(json_out, payload)
        if not quiet:
            n = sum(len(d.entities) for d in result.documents)
            click.echo(f"Wrote {json_out}: {len(result.documents)} documents, {n} entities", err=True)
    _skipped(result.skipped)


def _out_option(f):
    return click.option(
        "--out",
        "out_dir",
        default=DEFAULT_OUT,
        show_default=True,
        metavar="DIR",
        type=click.Path(file_okay=False),
        help="The build folder (kg build writes it; the other commands read it).",
    )(f)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path())
@_meta_options
@_out_option
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT",
    type=click.Choice(["trig", "turtle", "nquads", "json-ld"]),
    help="Also write the graph as turtle, nquads or json-ld (repeatable); graph.trig is always written.",
)
@click.option(
    "--jobs",
    "-j",
    type=int,
    default=None,
    metavar="N",
    help="Worker processes for the per-report steps, extraction and report graphs (default: every core); "
    "the output is the same for any N.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Run the per-report extraction on a Dask cluster (tcp://host:8786) instead of local processes.",
)
@click.option(
    "--cache",
    "cache_dir",
    default=None,
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Keep each report's first extraction pass here, by content hash (default: .kg-cache beside the build folder).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the extraction cache.")
@click.option(
    "--low-memory",
    is_flag=True,
    help="Keep the graph store on disk, not in memory, while building, whatever the corpus's size "
    "(a graph of more than a million quads gets one anyway; slower; the same files).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on standard error.")
def build(files, year, area, out_dir, formats, jobs, scheduler, cache_dir, no_cache, low_memory, quiet):
    """Build the knowledge graph of report FILES into the build folder.

    With no FILES, builds the embedded sample corpus. Writes graph.trig (one
    named graph per report, the corpus graph, the audit graph and the
    ontology), extraction.json and manifest.json, then the audit files of
    kg audit and the site of kg site (index.html and the graph pages); the
    same input gives the same bytes.

    \b
    Example:
        kg build                                  # samples into outputs/
        kg build reports/*.txt --out build --format nquads --format json-ld
    """
    from extract.area_cache import AreaCache
    from extract.cache import default_cache_dir, open_cache
    from extract.corpus import extract_corpus
    from extract.entities import CHUNK
    from extract.runner import make_runner
    from kg.folder import building
    from kg.pipeline import build_folder

    runner = make_runner(jobs, scheduler)
    cache = None if no_cache else open_cache(cache_dir or default_cache_dir(out_dir), CHUNK)
    areas = None if cache is None else AreaCache(cache.root / "areas")
    with building(out_dir) as tmp:
        try:
            result = extract_corpus(
                files, progress=_progress(quiet), year=year, area=area, runner=runner, cache=cache, areas=areas
            )
        finally:
            close = getattr(runner, "close", None)
            if close:
                close()
        _warn(result.warnings, quiet, result.skipped)
        jobs = 1 if scheduler else runner.workers
        folder = build_folder(result, tmp, formats, disk_store=low_memory, jobs=jobs, cache=areas, consume=True)
    summary = folder.build
    if not quiet:
        if cache is not None:
            click.echo(
                f"Extraction cache {cache.root}: {len(cache.hits)} report{'s' if len(cache.hits) != 1 else ''} "
                f"reused, {len(cache.misses)} extracted; {_areas(areas)}",
                err=True,
            )
        click.echo(
            f"Wrote {out_dir}: {summary.reports} reports, {summary.entities} entities, "
            f"{summary.mentions} mentions, {summary.quads} quads "
            f"({', '.join(p.name for p in [*summary.files, *folder.audit.files])})",
            err=True,
        )
        click.echo(_site_message(folder.site, out_dir), err=True)
        _audit_warnings(folder.audit.audit)
    _skipped(result.skipped)


@cli.command()
@_out_option
def validate(out_dir):
    """Check the built graph against the SHACL shapes (ontology/shapes.ttl).

    Prints every violation (node, property, what is wrong) and exits with 1
    when there is any.

    \b
    Example:
        kg build && kg validate
    """
    from kg.graph.validate import validate_build

    report = validate_build(out_dir)
    click.echo(report.text(), nl=False)
    if not report.conforms:
        raise ValidationFailed(report.summary())


@cli.command()
@_out_option
@click.option(
    "--indicators",
    is_flag=True,
    help="Also write plan-vs-actual.csv, plan-vs-actual.json and one SVG chart per indicator series (charts/).",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary on standard error.")
def audit(out_dir, indicators, quiet):
    """Audit the built graph: what each report planned, and what the next one said of it.

    For each pair of consecutive reports (N plans year Y+1, N+1 reviews it)
    every entity N plans is followed up under the same name, under another
    name, or silent; what N+1 names first is new, what it drops disappeared.
    Writes audit.html (with plan versus actual and its charts), audit.csv
    (one row per finding), audit-entities.csv (one row per entity) and
    audit.json into the build folder; kg build writes them too.

    \b
    Example:
        kg build && kg audit --indicators
    """
    from kg.audit.continuity import VERDICTS
    from kg.audit.export import write_audit

    written = write_audit(out_dir, indicators=indicators)
    if not quiet:
        audit = written.audit
        counts = {v: len(audit.by_verdict(v)) for v in VERDICTS}
        found = ", ".join(f"{n} {v}" for v, n in counts.items() if n) or "no findings"
        pairs = len(audit.pairs)
        click.echo(
            f"Wrote {out_dir}: {len(audit.judged)} of {pairs} report pair{'s' if pairs != 1 else ''} "
            f"could be judged ({found}), "
            f"{len(audit.entities)} entities, {len(written.verdicts)} plan-versus-actual rows "
            f"({', '.join(str(p.relative_to(out_dir)) for p in written.files)})",
            err=True,
        )
        _audit_warnings(audit)


@cli.command()
@click.argument("query", required=False)
@_out_option
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A value for a query parameter ($NAME in the query); repeatable.",
)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(["table", "csv", "json"]),
    help="table for reading, csv or SPARQL JSON results for tools.",
)
@click.option(
    "--engine",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "rdflib", "oxigraph"]),
    help="auto: Oxigraph for a large graph, rdflib for a small one (same results).",
)
@click.option("--list", "list_", is_flag=True, help="List the library's queries and their parameters.")
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let the query call remote endpoints (SERVICE <http://…>); off, such a query is refused.",
)
def query(query, out_dir, params, fmt, engine, list_, allow_service):
    """Run QUERY on the built graph: a library name, a .rq file or SPARQL text.

    Every prefix of the project (pkg:, skos:, entity:, report: …) is predefined;
    the default graph is the union of all named graphs. A query that calls a
    remote endpoint (SERVICE) is refused unless --allow-service is given.

    \b
    Example:
        kg query --list
        kg query entity-timeline --param name=西铁城精密机床
        kg query 'SELECT ?r ?t WHERE { ?r a pkg:Report ; dcterms:title ?t }' --format csv
    """
    from kg.query.library import library, parse_params, run_query
    from kg.query.results import render

    if list_:
        for name, q in library().items():
            click.echo(f"{name}: {q.description}")
            for p in q.params:
                default = f" (default {p.written})" if p.written else " (optional)" if p.optional else " (required)"
                click.echo(f"    --param {p.name}=…{default}  {p.description}")
        return
    if not query:
        raise InputError("give a query (a library name, a .rq file or SPARQL text), or --list to see the library")
    result = run_query(out_dir, query, parse_params(params), engine, allow_service=allow_service)
    sys.stdout.write(render(result, fmt))


def _limit_option(flag: str, default: int | None, metavar: str, help: str):
    """One of kg serve's limits: a count, 0 for no limit."""
    return click.option(
        flag,
        default=default,
        show_default=default is not None,
        type=int,
        metavar=metavar,
        help=f"{help}; 0 for no limit.",
    )


@cli.command()
@_out_option
@click.option("--port", default=7878, show_default=True, type=int, help="Port to listen on (127.0.0.1 only).")
@click.option(
    "--timeout",
    "timeout_s",
    default=10.0,
    show_default=True,
    type=float,
    metavar="SECONDS",
    help="Stop a query after this long and answer 422.",
)
@_limit_option("--max-query-bytes", 65_536, "BYTES", "Refuse a longer query (413)")
@_limit_option("--max-depth", 1_000, "N", "Refuse a query nested deeper, brackets and chained operators counted (400)")
@_limit_option(
    "--max-running", None, "N", "Run at most N queries at once, answer 503 beyond [default: one per core, at least 2]"
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let queries call remote endpoints (SERVICE <http://…>); off, they are refused (403).",
)
def serve(out_dir, port, timeout_s, max_query_bytes, max_depth, max_running, allow_service):
    """Serve the built graph as a read-only SPARQL endpoint until Ctrl-C.

    Runs the Oxigraph server behind a checking front, both on 127.0.0.1: a
    query page at /, the SPARQL 1.1 Protocol at /query (updates are
    refused). The default graph is the union of all named graphs, as in kg
    query. A query that calls a remote endpoint (SERVICE), is too long or
    too deep is refused with a 4xx and one line saying why; one that runs
    past --timeout is stopped (422). Oxigraph is restarted if it stops, and
    dies with kg serve.

    \b
    Example:
        kg serve --port 7878
        curl -H 'Accept: application/sparql-results+json' \\
             --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/query
    """
    from kg.query.guard import Limits
    from kg.query.serve import DEFAULT_MAX_RUNNING, Server

    running = DEFAULT_MAX_RUNNING if max_running is None else max_running
    for name, value in (("--max-query-bytes", max_query_bytes), ("--max-depth", max_depth), ("--max-running", running)):
        if value < 0:
            raise InputError(f"{name} must be 0 (no limit) or more, not {value}")
    if not timeout_s > 0:
        raise InputError(f"--timeout must be more than 0 seconds, not {timeout_s:g}")
    limits = Limits(max_bytes=max_query_bytes or None, max_depth=max_depth or None, allow_service=allow_service)
    server = Server(
        out_dir,
        port,
        limits=limits,
        timeout_s=timeout_s,
        warn=lambda m: click.echo(f"Warning: {m}", err=True),
        max_running=running or None,
    )
    server.serve_forever(
        announce=lambda: click.echo(
            f"Serving {out_dir}/graph.trig read-only: query page {server.url}, "
            f"SPARQL endpoint {server.query_url} (Ctrl-C stops)",
            err=True,
        )
    )


@cli.command()
@_out_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The Graph Store HTTP Protocol endpoint of a SPARQL 1.1 store (Oxigraph: http://host:7878/store).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
def push(out_dir, endpoint, quiet):
    """Load the built graph into a SPARQL 1.1 store, one named graph per PUT.

    Each named graph of graph.trig replaces the store's graph of the same
    IRI (the Graph Store HTTP Protocol); the store's other graphs are left
    alone, and pushing again changes nothing.

    \b
    Example:
        kg build && kg push --endpoint http://127.0.0.1:7878/store
    """
    from kg.push import push as push_build

    pushed = push_build(out_dir, endpoint)
    if not quiet:
        click.echo(f"Pushed {pushed.graphs} graphs, {pushed.triples} triples to {pushed.endpoint}", err=True)


@cli.command()
@_out_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
def site(out_dir, quiet):
    """Write the HTML site of the built graph: index.html and the graph pages.

    kg build writes it too; this command writes it again from graph.trig
    (after a kg audit, say). Every page is one offline HTML file: the
    overview, the evolution view (years across), one page per theme and per
    entity, with filters, search and the sentences behind each node.

    \b
    Example:
        kg site --out outputs && xdg-open outputs/index.html
    """
    from kg.site.write import write_site

    summary = write_site(out_dir)
    if not quiet:
        click.echo(_site_message(summary), err=True)


def _audit_warnings(audit) -> None:
    """What the audit could not judge, named: reports paired with none, pairs with no review to read."""
    from kg.audit.continuity import AREA_UNKNOWN

    no_area = [u.file for u in audit.unpaired if u.reason == AREA_UNKNOWN]
    if no_area:
        n = len(no_area)
        click.echo(
            f"Warning: {n} report{'s name' if n != 1 else ' names'} no area, so the audit pairs "
            f"{'them' if n != 1 else 'it'} with no other report: {', '.join(no_area)} "
            "(set the area with --area or reports.tsv)",
            err=True,
        )
    for u in audit.unpaired:
        if u.reason != AREA_UNKNOWN:
            click.echo(f"Warning: the audit pairs {u.file} with no other report: {u.reason}", err=True)
    for p in audit.pairs:
        if not p.assessable:
            click.echo(f"Warning: the pair {p.earlier} → {p.later} cannot be judged: {p.reason}", err=True)


def _areas(areas) -> str:
    """How many areas' records and reports' graphs the build took from the cache."""
    hits, misses = (
        (len(areas.hits.get("records", ())), len(areas.hits.get("graphs", ()))),
        (
            len(areas.misses.get("records", ())),
            len(areas.misses.get("graphs", ())),
        ),
    )
    return (
        f"{hits[0]} of {hits[0] + misses[0]} areas' records and {hits[1]} of {hits[1] + misses[1]} report graphs reused"
    )


def _site_message(summary, out_dir=None) -> str:
    return (
        f"Wrote the site into {out_dir or summary.out_dir}: index.html, overview.html, evolution.html, "
        f"{summary.themes} theme pages, {summary.entities} entity pages"
    )


def main() -> None:
    cli(prog_name="kg")
