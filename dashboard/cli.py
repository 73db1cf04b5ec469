"""The ``brain-circuits`` command line."""

from __future__ import annotations

import errno
import json
import socket
import sys
import time
from dataclasses import asdict

import click

from atlas.sources import AtlasMissingError, atlas_files
from atlas.store import build_store, cache_root

__all__ = ["main"]


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def _progress(step: int, total: int, message: str) -> None:
    click.echo(f"[{step}/{total}] {message}", err=True)


def _content():
    from dashboard.content import ContentError, load_content

    try:
        return load_content()
    except ContentError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        _fail(f"the data files are invalid ({len(error.problems)} problems); run `brain-circuits check-data`")


def _store(content, force: bool = False):
    return build_store(content.structure_specs(), force=force, progress=_progress)


# Optional imports of our dependencies that a server never uses, and that cost
# 0.2 to 0.5 s each of every start when installed, as in a notebook or test
# environment: Dash's notebook mode (IPython) and pandera's data synthesis
# for property tests (hypothesis, imported with pandera's built-in checks).
UNUSED_OPTIONAL_IMPORTS = ("IPython", "hypothesis")


def _skip_unused_optional_imports() -> None:
    """Make ``import`` of :data:`UNUSED_OPTIONAL_IMPORTS` fail at once in this process.

    A ``None`` in ``sys.modules`` makes the import raise ImportError, and the
    library falls back as it does when the package is not installed. A module
    already imported is left alone.
    """
    for name in UNUSED_OPTIONAL_IMPORTS:
        sys.modules.setdefault(name, None)


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                _fail(f"port {port} on {host} is already in use: stop the other server or pick one with --port")
            _fail(f"cannot listen on {host}:{port}: {error.strerror}")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="brain-circuits")
@click.pass_context
def main(ctx: click.Context) -> None:
    """brain-circuits: how MDMA acts on brain circuits, on real anatomy.

    With no command, serves the dashboard on http://127.0.0.1:8050.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(serve)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind; 0.0.0.0 exposes it to the network.")
@click.option("--port", default=8050, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--debug", is_flag=True, default=False, help="Dash debug mode (reloader, dev tools). Never in production.")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="Serve with gunicorn and this many worker processes (production).")
def serve(host: str, port: int, debug: bool, workers: int | None) -> None:
    """Serve the dashboard (Flask's server, or gunicorn with --workers)."""
    _skip_unused_optional_imports()
    from dashboard.app import create_app
    from dashboard.resources import Resources

    _check_port(host, port)
    started = time.perf_counter()
    try:
        content = _content()
        resources = Resources(content=content, store=_store(content))
    except AtlasMissingError as error:
        _fail(str(error))
    if workers and debug:
        _fail("--debug and --workers do not go together: debug mode is for one development process")
    app = create_app(resources)
    click.echo(f"brain-circuits ready in {time.perf_counter() - started:.1f} s: http://{host}:{port}", err=True)
    if workers:
        from dashboard.wsgi import serve_with_gunicorn

        serve_with_gunicorn(app.server, host, port, workers)
    else:
        app.run(host=host, port=port, debug=debug)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def regions(as_json: bool) -> None:
    """List every region and hemisphere with its atlas, size and mesh."""
    import pandas as pd

    content = _content()
    store = _store(content)
    rows = []
    for region in content.regions:
        for spec in region.structure_specs():
            stats = store.stats[spec.key]
            rows.append(
                {
                    "id": region.id,
                    "hemisphere": stats.hemisphere,
                    "name_en": region.name_en,
                    "atlas": stats.atlas,
                    "atlas_label": stats.label,
                    "voxels": stats.voxels,
                    "volume_mm3": stats.volume_mm3,
                    "centroid_mni": list(stats.centroid_mni),
                    "vertices": stats.vertices,
                    "faces": stats.faces,
                }
            )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = pd.DataFrame(rows)
    table["centroid_mni"] = [f"({x:.1f}, {y:.1f}, {z:.1f})" for x, y, z in table["centroid_mni"]]
    click.echo(table.to_string(index=False))


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("x", type=float)
@click.argument("y", type=float)
@click.argument("z", type=float)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def where(x: float, y: float, z: float, as_json: bool) -> None:
    """Which atlas structures contain the MNI coordinate X Y Z (mm).

    Negative numbers work as they are: `brain-circuits where -23 -5 -18`.
    """
    from atlas.lookup import AtlasLookup

    content = _content()
    lookup = AtlasLookup(atlas_files(), _store(content), content.structure_specs())
    try:
        result = lookup.where(x, y, z)
    except ValueError as error:
        _fail(str(error))
    if as_json:
        payload = asdict(result)
        payload["outside"] = result.outside
        payload["harvard_oxford"] = [{"label": k, "probability": p} for k, p in result.harvard_oxford]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    click.echo(f"MNI ({x:g}, {y:g}, {z:g}) mm")
    if result.outside:
        click.echo("  outside both atlases' volumes: no structure is defined there")
        return
    if not result.in_harvard_oxford:
        click.echo("  Harvard-Oxford: outside the atlas volume")
    elif result.harvard_oxford:
        click.echo("  Harvard-Oxford probability:")
        for label, probability in result.harvard_oxford:
            click.echo(f"    {probability:3d}%  {label}")
    else:
        click.echo("  Harvard-Oxford: no structure (outside the brain)")
    if not result.in_aal3:
        click.echo("  AAL3: outside the atlas volume")
    else:
        click.echo(f"  AAL3: {result.aal3 or 'no label'}")
    click.echo(f"  dashboard regions: {', '.join(result.structures) or 'none'}")


@main.command("check-data")
@click.option(
    "--data",
    "directory",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    help="A data folder to check instead of the shipped one.",
)
def check_data(directory: str | None) -> None:
    """Validate the content tables; print each problem as file:row:column: reason."""
    from dashboard.content import TABLE_NAMES, ContentError, load_content
    from dashboard.paths import data_dir

    folder = directory or data_dir()
    try:
        content = load_content(folder)
    except ContentError as error:
        for problem in error.problems:
            click.echo(str(problem))
        click.echo(f"{len(error.problems)} problems in {folder}", err=True)
        sys.exit(1)
    rows = len(content.regions) + sum(len(table) for table in content.tables.values())
    click.echo(f"data OK: {len(TABLE_NAMES)} tables, {rows} rows in {folder}")


@main.command("build-atlas")
@click.option("--force", is_flag=True, help="Rebuild even if the cache is valid.")
def build_atlas(force: bool) -> None:
    """Build (or rebuild) the mesh cache."""
    content = _content()
    started = time.perf_counter()
    store = _store(content, force=force)
    click.echo(f"mesh cache ready in {time.perf_counter() - started:.1f} s: {store.directory}")
    click.echo(f"(cache root: {cache_root()}; set BRAIN_CIRCUITS_CACHE to move it)")


_EXPORT_VIEWS = ("brain3d", "compare", "slices", "circuit", "neurochem", "drugs", "protocol")
_EXPORT_FORMATS = ("png", "svg", "pdf", "html")


@main.command()
@click.option("--view", required=True, type=click.Choice(_EXPORT_VIEWS), help="Which figure.")
@click.option("--scenario", default="baseline", show_default=True, help="Scenario id (see the README).")
@click.option("--compare", default=None, help="Scenario to compare with (the compare view).")
@click.option("--region", default=None, help="Region id to select and outline.")
@click.option("--lang", default="en", show_default=True, type=click.Choice(("en", "zh")))
@click.option("--theme", default="light", show_default=True, type=click.Choice(("light", "dark")))
@click.option("--background", default="opaque", show_default=True, type=click.Choice(("opaque", "transparent")),
              help="transparent: for slides.")
@click.option("--format", "fmt", default=None, type=click.Choice(_EXPORT_FORMATS),
              help="Output format; by default taken from the --out suffix.")
@click.option("--width", default=None, type=click.IntRange(200, 8000), help="Width in CSS pixels (default per view).")
@click.option("--height", default=None, type=click.IntRange(200, 8000), help="Height in CSS pixels (default per view).")
@click.option("--scale", default=1.0, show_default=True, type=click.FloatRange(0.25, 8), help="Pixel density (PNG: 3 for print).")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True), help="File to write.")
def export(view, scenario, compare, region, lang, theme, background, fmt, width, height, scale, out) -> None:
    """Write a publication figure (PNG, SVG, PDF or standalone HTML)."""
    from pathlib import Path

    from dashboard.app import scene_data, slice_data
    from dashboard.export import DEFAULT_SIZE, ExportError, ExportRequest, publication_figure, render
    from dashboard.resources import Resources
    from dashboard.state import Selection, ViewState

    fmt = fmt or Path(out).suffix.lstrip(".").lower()
    if fmt not in _EXPORT_FORMATS:
        _fail(f"cannot tell the format from {out!r}: use --format, one of {', '.join(_EXPORT_FORMATS)}")
    content = _content()
    scenarios = tuple(content.tables["scenarios"]["id"])
    for name, value in (("scenario", scenario), ("compare", compare)):
        if value is not None and value not in scenarios:
            _fail(f"unknown {name} {value!r}; choose one of: {', '.join(scenarios)}")
    if region is not None and region not in content.region_ids:
        _fail(f"unknown region {region!r}; choose one of: {', '.join(content.region_ids)}")
    if view == "compare" and compare is None:
        _fail("--view compare needs --compare ID")
    store = _store(content)
    state = ViewState(scenario=scenario, compare=compare, lang=lang, select=Selection("region", region) if region else None)
    if region:
        # the slices go through the selected region, as in the dashboard
        centroid = next(stats.centroid_mni for stats in store.stats.values() if stats.region_id == region)
        state = state.with_(cursor=tuple(int(round(value)) for value in centroid))
    resources = Resources(content=content, store=store)
    request = ExportRequest(view=view, state=state, theme=theme, transparent=background == "transparent")
    default_width, default_height = DEFAULT_SIZE[view]
    try:
        figure = publication_figure(request, content, scene_data(resources), slice_data(resources))
        data = render(figure, fmt, width or default_width, height or default_height, scale)
    except ExportError as error:
        _fail(str(error))
    Path(out).write_bytes(data)
    click.echo(f"wrote {out} ({len(data) / 1024:.0f} KB)")


def run() -> None:
    """Console-script entry point: one clear line for known failures."""
    try:
        main()
    except AtlasMissingError as error:
        _fail(str(error))


if __name__ == "__main__":
    run()
