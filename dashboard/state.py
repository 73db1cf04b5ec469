"""The view state a user can share: parsed from and written to the URL.

Everything that decides what the dashboard shows lives here, so a link
restores the same view. Parsing never fails: an unknown value falls back to
the default and leaves a notice naming the bad value.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import parse_qs, urlencode

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES

__all__ = ["InvalidState", "ViewState", "Notice", "CAMERA_PRESETS", "PANELS", "PANES", "THEMES", "parse_query", "to_query", "Selection"]

CAMERA_PRESETS = ("oblique", "left", "right", "front", "top", "bottom", "circuit")
PANELS = ("details", "sources")
PANES = ("3d", "slices", "circuit", "neurochem", "drugs", "protocol", "risks")
THEMES = ("light", "dark", "contrast")
DEFAULT_CURSOR = (-23, -5, -18)
CURSOR_LIMIT_MM = 100
DEFAULT_SCENARIO = "baseline"
_FLAGS = {"1": True, "true": True, "on": True, "0": False, "false": False, "off": False}


@dataclass(frozen=True)
class Selection:
    """What is selected: a region or a connection, by id."""

    kind: str
    id: str

    def to_param(self) -> str:
        return self.id if self.kind == "region" else f"{self.kind}:{self.id}"


class InvalidState(ValueError):
    """A view state sent by the browser that no control could have produced."""


@dataclass(frozen=True)
class Notice:
    """A URL value that was not understood: the parameter and the value."""

    parameter: str
    value: str


@dataclass(frozen=True)
class ViewState:
    """Everything in the URL.

    Attributes
    ----------
    scenario, compare : str, str or None
        Scenario ids; ``compare`` opens a second 3D view.
    select : Selection or None
    camera : str
        One of :data:`CAMERA_PRESETS`.
    lang : {"en", "zh"}
    panel : str
        One of :data:`PANELS`.
    labels, glass : bool
        Region labels and the glass brain shown.
    opacity : float
        Glass brain opacity, 0.02 to 0.6.
    extra : tuple of str
        Other atlas structures shown for context, as ``atlas:label``.
    pane : str
        One of :data:`PANES`.
    cursor : tuple of int
        The slices' crossing point, MNI mm.
    radiological : bool
        Slices drawn with the patient's left on the right.
    cite : str or None
        The section a citation opened in the Sources tab, ``source/section``.
    step : int or None
        The guided tour's step (1-based), or None outside the tour.
    present : bool
        Presentation mode: full window, no editing controls, large type.
    theme : str
        One of :data:`THEMES`.
    """

    scenario: str = DEFAULT_SCENARIO
    compare: str | None = None
    select: Selection | None = None
    camera: str = "oblique"
    lang: str = DEFAULT_LANGUAGE
    panel: str = "details"
    labels: bool = True
    glass: bool = True
    opacity: float = 0.13
    extra: tuple[str, ...] = ()
    pane: str = "3d"
    cursor: tuple[int, int, int] = DEFAULT_CURSOR
    radiological: bool = False
    cite: str | None = None
    step: int | None = None
    present: bool = False
    theme: str = "light"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "ViewState":
        """Rebuild from :meth:`to_dict` output (as kept in a ``dcc.Store``).

        The store comes back from the browser, so it is checked as any
        input: a value of the wrong type or outside its choices raises
        :class:`InvalidState` (answered with HTTP 400).
        """
        if not data:
            return cls()
        if not isinstance(data, dict) or set(data) - _FIELDS:
            raise InvalidState("unknown view-state fields")
        try:
            select = data.get("select")
            state = cls(
                **{
                    **data,
                    "select": Selection(str(select["kind"]), str(select["id"])) if select else None,
                    "extra": tuple(str(item) for item in data.get("extra", ())),
                    "cursor": tuple(int(value) for value in data.get("cursor", DEFAULT_CURSOR)),
                }
            )
        except (TypeError, KeyError, ValueError) as error:
            raise InvalidState(f"malformed view state: {error}") from None
        state.check()
        return state

    def check(self) -> None:
        """Raise :class:`InvalidState` unless every field has an allowed type and value."""
        choices = {"camera": CAMERA_PRESETS, "lang": LANGUAGES, "panel": PANELS, "pane": PANES, "theme": THEMES}
        for name, allowed in choices.items():
            if getattr(self, name) not in allowed:
                raise InvalidState(f"{name} must be one of {', '.join(allowed)}")
        strings = (self.scenario, *(v for v in (self.compare, self.cite) if v is not None))
        flags = (self.labels, self.glass, self.radiological, self.present)
        if not all(isinstance(value, str) for value in strings) or not all(isinstance(flag, bool) for flag in flags):
            raise InvalidState("wrong type in view state")
        if self.select is not None and self.select.kind not in ("region", "connection"):
            raise InvalidState("select must name a region or a connection")
        if not (isinstance(self.opacity, (int, float)) and 0.02 <= self.opacity <= 0.6):
            raise InvalidState("opacity out of range")
        if len(self.cursor) != 3 or any(abs(value) > CURSOR_LIMIT_MM for value in self.cursor):
            raise InvalidState("cursor out of range")
        if self.step is not None and not (isinstance(self.step, int) and self.step >= 1):
            raise InvalidState("step must be a positive integer")

    def with_(self, **changes) -> "ViewState":
        return replace(self, **changes)


def parse_query(
    query: str,
    scenarios: tuple[str, ...],
    regions: tuple[str, ...],
    connections: tuple[str, ...],
    extras: frozenset[str] = frozenset(),
    sections: frozenset[str] = frozenset(),
    steps: int = 0,
):
    """Read a URL query string into a state, with a notice per bad value.

    Parameters
    ----------
    query : str
        ``location.search``, with or without the leading ``?``.
    scenarios, regions, connections : tuple of str
        The ids that exist.
    extras : set of str
        The ``atlas:label`` structures that may be added for context.
    sections : set of str
        The ``source/section`` pairs a citation may open.
    steps : int
        The number of tour steps (``step`` runs from 1 to it).

    Returns
    -------
    state : ViewState
    notices : list of Notice
    """
    params = {key: values[-1] for key, values in parse_qs((query or "").lstrip("?"), keep_blank_values=True).items()}
    default = ViewState()
    values: dict = {}
    notices: list[Notice] = []

    def choose(name, allowed, *, optional=False):
        if name not in params:
            return
        value = params[name]
        if optional and value in ("", "none"):
            values[name] = None
        elif value in allowed:
            values[name] = value
        else:
            notices.append(Notice(name, value))

    choose("scenario", scenarios)
    choose("compare", scenarios, optional=True)
    choose("camera", CAMERA_PRESETS)
    choose("lang", LANGUAGES)
    choose("panel", PANELS)
    choose("pane", PANES)
    choose("cite", sections)
    choose("theme", THEMES)
    if "step" in params:
        value = params["step"]
        if value.isascii() and value.isdigit() and 1 <= int(value) <= steps:  # "²".isdigit() too
            values["step"] = int(value)
        else:
            notices.append(Notice("step", value))
    for name in ("labels", "glass", "radiological", "present"):
        if name in params:
            flag = _FLAGS.get(params[name].lower())
            if flag is None:
                notices.append(Notice(name, params[name]))
            else:
                values[name] = flag
    if "opacity" in params:
        try:
            opacity = float(params["opacity"])
        except ValueError:
            opacity = float("nan")
        if 0.02 <= opacity <= 0.6:
            values["opacity"] = round(opacity, 2)
        else:
            notices.append(Notice("opacity", params["opacity"]))
    if params.get("select"):
        value = params["select"]
        kind, _, ident = value.partition(":") if ":" in value else ("region", "", value)
        known = {"region": regions, "connection": connections}.get(kind, ())
        if ident in known:
            values["select"] = Selection(kind, ident)
        else:
            notices.append(Notice("select", value))
    if "at" in params:
        try:
            cursor = tuple(int(round(float(part))) for part in params["at"].split(","))
        except (ValueError, OverflowError):  # "abc", "inf", "nan"
            cursor = ()
        if len(cursor) == 3 and all(abs(value) <= CURSOR_LIMIT_MM for value in cursor):
            values["cursor"] = cursor
        else:
            notices.append(Notice("at", params["at"]))
    if params.get("extra"):
        wanted = [item for item in params["extra"].split(",") if item]
        values["extra"] = tuple(dict.fromkeys(item for item in wanted if item in extras))
        notices += [Notice("extra", item) for item in wanted if item not in extras]
    known_names = {
        "scenario", "compare", "camera", "lang", "panel", "labels", "glass", "opacity", "select", "extra",
        "pane", "at", "radiological", "cite", "step", "present", "theme",
    }
    for name in params.keys() - known_names:
        notices.append(Notice(name, params[name]))
    return replace(default, **values), notices


def to_query(state: ViewState) -> str:
    """The shortest query string that restores ``state`` (defaults left out)."""
    default = ViewState()
    params = {}
    for name in ("scenario", "compare", "camera", "lang", "panel", "opacity", "pane", "cite", "step", "theme"):
        value = getattr(state, name)
        if value != getattr(default, name) and value is not None:
            params[name] = value
    for name in ("labels", "glass", "radiological", "present"):
        if getattr(state, name) != getattr(default, name):
            params[name] = "1" if getattr(state, name) else "0"
    if state.select:
        params["select"] = state.select.to_param()
    if state.extra:
        params["extra"] = ",".join(state.extra)
    if state.cursor != default.cursor:
        params["at"] = ",".join(str(value) for value in state.cursor)
    return f"?{urlencode(params)}" if params else ""


_FIELDS = {field.name for field in fields(ViewState)}
