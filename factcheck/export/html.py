"""The discrepancy report as one self-contained HTML file (inline CSS, JS and SVG; no network).

Rendered by Jinja2 with autoescaping; a Content-Security-Policy allows only the report's own
script and style (by hash), so even text that slipped through could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import TextIO

from markupsafe import Markup

from factcheck import __version__
from factcheck.export.charts import build_charts
from factcheck.export.data import ExportData, RelationEntry, ReportContext, iso_time
from factcheck.export.describe import decision_text, quantity_label, source_text, value_text
from factcheck.export.filters import describe_filter, filter_fields
from factcheck.export.safety import script_safe_json
from factcheck.export.summary import summarise_sources


@dataclass(frozen=True, slots=True)
class TableColumn:
    title: str
    numeric: bool = False


TABLE_COLUMNS = (
    TableColumn("ID", True),
    TableColumn("Kind"),
    TableColumn("Value", True),
    TableColumn("Source"),
    TableColumn("Via"),
    TableColumn("Location"),
    TableColumn("As of"),
    TableColumn("Report"),
    TableColumn("Published"),
    TableColumn("Status"),
    TableColumn("Contradictions", True),
    TableColumn("Sentence"),
)


def _asset(name: str) -> str:
    return resources.files("factcheck.export").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(script: str, css: str) -> str:
    return (
        f"default-src 'none'; script-src {_sha256(script)}; style-src {_sha256(css)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _decision(entry: RelationEntry) -> str:
    return decision_text(entry.decision, entry.relation.status)


def render_html(data: ExportData, context: ReportContext) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    claims = list(data.claims())
    relations = list(data.relations(("contradicts", "corroborates")))
    contradicts = [e for e in relations if e.relation.type == "contradicts"]
    charts, omitted = build_charts(claims)
    script, css = _asset("sort_table.js"), _asset("report.css")
    meta = {
        "generator": f"factcheck {__version__}",
        "generated_at": iso_time(context.generated_at),
        "filter": filter_fields(context),
        "claims": len(claims),
        "relations": len(relations),
    }
    template = environment.get_template("report.html.j2")
    return template.render(
        csp=content_security_policy(script, css),
        generator=f"factcheck {__version__}",
        generated_at=iso_time(context.generated_at),
        filter_text=describe_filter(context),
        only_contradictions=context.only_contradictions,
        contradictions=[e for e in contradicts if e.relation.status != "dismissed"],
        dismissed=[e for e in contradicts if e.relation.status == "dismissed"],
        corroborations=[e for e in relations if e.relation.type == "corroborates"],
        claims=claims,
        summary=summarise_sources(claims, data.corroborated_ids()),
        charts=charts,
        charts_omitted=omitted,
        table_columns=TABLE_COLUMNS,
        claim_value=value_text,
        claim_source=source_text,
        quantity=quantity_label,
        decision=_decision,
        css=Markup(css),
        script=Markup(script),
        meta_json=Markup(script_safe_json(json.dumps(meta, ensure_ascii=False, sort_keys=True))),
    )


def write_html(data: ExportData, context: ReportContext, stream: TextIO) -> None:
    stream.write(render_html(data, context))
