"""`/docs`: the API reference as one self-contained HTML page rendered from the OpenAPI
document — no scripts, no fonts or styles from another site (FastAPI's default page loads
Swagger UI from a CDN, which would run third-party code next to a server holding PII)."""

from __future__ import annotations

import html
import json
from typing import Any

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;
color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
.op{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:monospace}
code,pre{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f5f5f7;padding:.6rem;overflow:auto;border-radius:4px}
table{border-collapse:collapse}td,th{padding:.15rem .8rem .15rem 0;text-align:left;
vertical-align:top}.muted{color:#666}
"""

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _type_of(schema: dict[str, Any]) -> str:
    name = _ref_name(schema)
    if name:
        return f'<a href="#schema-{_e(name)}">{_e(name)}</a>'
    if "anyOf" in schema:
        return " | ".join(_type_of(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"array of {_type_of(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(f"<code>{_e(json.dumps(v))}</code>" for v in schema["enum"])
    if "const" in schema:
        return f"<code>{_e(json.dumps(schema['const']))}</code>"
    return _e(schema.get("type", "any"))


def _operation(method: str, path: str, op: dict[str, Any]) -> str:
    parts = [
        f'<div class="op"><div><span class="m">{_e(method.upper())}</span>'
        f"<code>{_e(path)}</code> <span class=muted>{_e(op.get('operationId', ''))}</span></div>"
    ]
    if op.get("description") or op.get("summary"):
        parts.append(f"<p>{_e(op.get('description') or op.get('summary'))}</p>")
    if op.get("security"):
        parts.append("<p class=muted>Needs <code>Authorization: Bearer &lt;token&gt;</code>")
    params = op.get("parameters", [])
    if params:
        rows = "".join(
            f"<tr><td><code>{_e(p['name'])}</code></td><td>{_e(p['in'])}</td>"
            f"<td>{_type_of(p.get('schema', {}))}</td>"
            f"<td>{'required' if p.get('required') else ''}</td></tr>"
            for p in params
        )
        parts.append(f"<table>{rows}</table>")
    body = op.get("requestBody", {}).get("content", {})
    for media, content in body.items():
        parts.append(f"<p>Body ({_e(media)}): {_type_of(content.get('schema', {}))}</p>")
    statuses = ", ".join(_e(s) for s in op.get("responses", {}))
    parts.append(f"<p class=muted>Answers: {statuses}</p></div>")
    return "".join(parts)


def _schema(name: str, schema: dict[str, Any]) -> str:
    rows = []
    required = set(schema.get("required", []))
    for prop, sub in schema.get("properties", {}).items():
        mark = "required" if prop in required else ""
        rows.append(
            f"<tr><td><code>{_e(prop)}</code></td><td>{_type_of(sub)}</td><td>{mark}</td></tr>"
        )
    table = f"<table>{''.join(rows)}</table>" if rows else f"<p>{_type_of(schema)}</p>"
    desc = f"<p>{_e(schema['description'])}</p>" if schema.get("description") else ""
    return f'<h3 id="schema-{_e(name)}"><code>{_e(name)}</code></h3>{desc}{table}'


def render_docs(doc: dict[str, Any]) -> str:
    info = doc.get("info", {})
    ops = [
        _operation(method, path, op)
        for path, item in doc.get("paths", {}).items()
        for method, op in item.items()
    ]
    schemas = [
        _schema(name, schema)
        for name, schema in sorted(doc.get("components", {}).get("schemas", {}).items())
    ]
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{_e(info.get('title', 'API'))}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{_e(info.get('title', 'API'))} <span class=muted>{_e(info.get('version', ''))}"
        f"</span></h1><p>{_e(info.get('description', ''))}</p>"
        '<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a>. Errors are '
        '<a href="#schema-ErrorBody">ErrorBody</a> with a 4xx status for the caller\'s mistakes '
        "and 5xx only for the server's faults.</p>"
        f"<h2>Operations</h2>{''.join(ops)}<h2>Schemas</h2>{''.join(schemas)}</body></html>"
    )
