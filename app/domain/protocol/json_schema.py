"""The protocol file's JSON Schema, generated from ``file_format`` (the description the
loader reads files against), for site authors and their editors.

It is published as ``resources/protocols/protocol.schema.json``; a test keeps that file
equal to ``protocol_json_schema()``. A TOML editor that reads JSON Schemas (e.g. Taplo,
behind "Even Better TOML") checks a file whose first line is
``#:schema ./protocol.schema.json`` with the schema in the same folder. The schema says
what a file's keys and values may be; the loader alone checks what JSON Schema cannot
(references between sections, a cap above the minimum, weight bands that do not
overlap), so a file the schema accepts can still be refused, with the reason.

Regenerate the published file after changing ``file_format``:
``python -m app.domain.protocol.json_schema > resources/protocols/protocol.schema.json``
"""

from __future__ import annotations

import json
from typing import Any

from app.domain.protocol import file_format as fmt
from app.domain.protocol import key_types as kt

# A lower-case generic drug name without surrounding blanks. JSON Schema patterns cannot
# test "lower case" in every alphabet; the loader does (str.lower).
_DRUG_NAME = r"^[^A-Z\s](?:[^A-Z]*[^A-Z\s])?$"


def protocol_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a protocol file, schema_version 1."""
    root = _table(fmt.PROTOCOL)
    defs = {name: _table(spec) for name, spec in fmt.TABLES.items() if spec is not fmt.PROTOCOL}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"jdm-ctp protocol file, schema_version {fmt.SCHEMA_VERSION}",
        "description": (
            f"{fmt.PROTOCOL.doc} Generated from app/domain/protocol/file_format.py; do not "
            "edit by hand. The application's loader is the authority: it also checks "
            "references between sections and rules between numbers."
        ),
        **{k: v for k, v in root.items() if k != "description"},
        "$defs": dict(sorted(defs.items())),
    }


def protocol_json_schema_text() -> str:
    """The schema as the published file's text (stable key order, final newline)."""
    return json.dumps(protocol_json_schema(), indent=2, ensure_ascii=False) + "\n"


def _table(spec: kt.TableSpec) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": spec.doc,
        "properties": {k.name: _key(k) for k in spec.keys if not k.refused},
        "additionalProperties": False,
    }
    if spec.required:
        schema["required"] = list(spec.required)
    rules = [_variant(v) for v in spec.variants]
    if spec.forms:
        rules.append({"oneOf": [_form(form, spec.forms) for form in spec.forms]})
    rules += [rule for bound in spec.bounds for rule in _bounds(bound, "unit" in spec.allowed)]
    rules += list(spec.schema_rules)
    if rules:
        schema["allOf"] = rules
    return schema


def _key(key: kt.Key) -> dict[str, Any]:
    schema = _value(key.type)
    if key.doc:
        schema = {"description": key.doc, **schema}
    return schema


def _value(kind: kt.ValueType) -> dict[str, Any]:
    if isinstance(kind, kt.Text):
        return {"type": "string"} if kind.blank_ok else {"type": "string", "pattern": r"\S"}
    if isinstance(kind, kt.Ident):
        return {"type": "string", "pattern": f"^{kind.pattern.pattern}$"}
    if isinstance(kind, kt.DrugName):
        return {"type": "string", "pattern": _DRUG_NAME}
    if isinstance(kind, kt.OneOf):
        return {"type": "string", "enum": list(kind.options)}
    if isinstance(kind, kt.Number):
        return {"type": "number", "exclusiveMinimum": 0} if kind.positive else {"type": "number"}
    if isinstance(kind, kt.Integer):
        if kind.only is not None:
            return {"type": "integer", "const": kind.only}
        return {"type": "integer", "minimum": kind.minimum}
    if isinstance(kind, kt.Boolean):
        return {"type": "boolean"}
    if isinstance(kind, kt.TextList):
        item = {"type": "string", "minLength": 1}
        if not isinstance(kind.item, kt.Text):
            item = _value(kind.item)
        return {"type": "array", "items": item}
    if isinstance(kind, kt.OneOrMany):
        if isinstance(kind.item, tuple):
            item: dict[str, Any] = {"type": [_value(k)["type"] for k in kind.item]}
        else:
            item = _value(kind.item)
        return {"anyOf": [item, {"type": "array", "minItems": 1, "items": item}]}
    if isinstance(kind, kt.Table):
        return {"$ref": f"#/$defs/{kind.name}"}
    if isinstance(kind, kt.Tables):
        schema = {"type": "array", "items": {"$ref": f"#/$defs/{kind.name}"}}
        return {**schema, "minItems": 1} if kind.non_empty else schema
    raise TypeError(f"no JSON Schema for {kind!r}")  # a new type in file_format needs one


def _variant(variant: kt.Variant) -> dict[str, Any]:
    then: dict[str, Any] = {}
    if variant.needs:
        then["required"] = [n.key for n in variant.needs]
    properties: dict[str, Any] = {
        n.key: {"minItems": n.min_items} for n in variant.needs if n.min_items
    }
    properties.update({key: False for key in variant.forbids})
    if properties:
        then["properties"] = properties
    if variant.needs_any:
        then["anyOf"] = [
            {"required": [key], "properties": {key: {"minItems": 1}}} for key in variant.needs_any
        ]
    return {
        "if": {
            "properties": {variant.key: {"enum": list(variant.values)}},
            "required": [variant.key],
        },
        "then": then,
    }


def _bounds(bound: kt.Bounds, has_unit: bool) -> list[dict[str, Any]]:
    """The sanity bounds of ``file_format`` (in mg) for each unit a table states; a table
    whose unit is its dose's (a sub-rule, a rounding) gets the widest of them, and the
    loader checks it in the dose's unit."""
    when: dict[str, Any] = {}
    required: list[str] = []
    if bound.kinds:
        when["kind"] = {"enum": list(bound.kinds)}
        required.append("kind")

    def limits(low: float, high: float) -> dict[str, Any]:
        return {key: {"minimum": _number(low), "maximum": _number(high)} for key in bound.keys}

    def rule(extra: dict[str, Any], low: float, high: float) -> dict[str, Any]:
        condition = {**when, **extra}
        keys = [*required, *extra]
        test = {"properties": condition, "required": keys} if condition else {}
        then = {"properties": limits(low, high)}
        return {"if": test, "then": then} if test else then

    if not has_unit:
        widest = max(fmt.UNIT_MG.values())
        return [rule({}, bound.low_mg / widest, bound.high_mg)]
    return [
        rule({"unit": {"const": unit}}, bound.low_mg / factor, bound.high_mg / factor)
        for unit, factor in fmt.UNIT_MG.items()
    ]


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _form(form: tuple[str, ...], forms: tuple[tuple[str, ...], ...]) -> dict[str, Any]:
    others = [k for f in forms if f is not form for k in f if k not in form]
    schema: dict[str, Any] = {"required": list(form)}
    if others:
        schema["properties"] = {k: False for k in others}
    return schema


if __name__ == "__main__":
    print(protocol_json_schema_text(), end="")
