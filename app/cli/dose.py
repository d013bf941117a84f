"""`jdm-ctp dose`: the doses of one arm for one child, as text or as one JSON object.

Without ``--option`` an arm whose plan names a default option (rituximab: the RIM
regimen) is computed for that option, and says so; other arms with options show every
option. ``--date-of-birth`` (with ``--on``, default today) gives the age that a drug
labelled from an age (abatacept IV from 6 years) is checked against.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.catalog import protocol_catalog
from app.domain.age import AgeOnDay
from app.domain.body import BSA_FORMULA, BodyMeasurements
from app.domain.dosing import compute_arm_doses, compute_concomitant_limits
from app.domain.errors import InputError
from app.domain.units import (
    format_number,
    height_cm_from_inches,
    parse_number,
    weight_kg_from_lb,
)

if TYPE_CHECKING:
    from app.domain.dosing import DoseResult

EXIT_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--protocol", required=True, help="protocol id, e.g. persistent-skin-rash")
    parser.add_argument("--arm", required=True, help="arm id, e.g. A, B or C")
    parser.add_argument("--route", help="route where an arm offers several (e.g. iv, sc)")
    parser.add_argument("--option", help="choice within an arm, e.g. adalimumab or "
                                         "infliximab_5 (tnf); without it the plan's default "
                                         "option if it names one (rituximab), else every option")
    weight = parser.add_mutually_exclusive_group(required=True)
    weight.add_argument("--weight-kg", metavar="KG", help="weight in kilograms")
    weight.add_argument("--weight-lb", metavar="LB", help="weight in pounds (converted to kg)")
    height = parser.add_mutually_exclusive_group()
    height.add_argument("--height-cm", metavar="CM",
                        help="height in centimetres (needed for doses per m²)")
    height.add_argument("--height-in", metavar="IN", help="height in inches (converted to cm)")
    parser.add_argument("--date-of-birth", metavar="YYYY-MM-DD",
                        help="the child's date of birth, for drugs labelled from an age "
                             "(abatacept IV from 6 years)")
    parser.add_argument("--on", metavar="YYYY-MM-DD",
                        help="the day the dose is for (age on that day; default today)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _body(args: argparse.Namespace) -> BodyMeasurements:
    if args.weight_lb is not None:
        weight_kg = weight_kg_from_lb(args.weight_lb)
    else:
        weight_kg = parse_number("weight_kg", args.weight_kg)
    height_cm = None
    if args.height_in is not None:
        height_cm = height_cm_from_inches(args.height_in)
    elif args.height_cm is not None:
        height_cm = parse_number("height_cm", args.height_cm)
    return BodyMeasurements(weight_kg=weight_kg, height_cm=height_cm)


def _day(field: str, text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(field, f"The {what} must be a date written YYYY-MM-DD; "
                                f"{text!r} was given.") from None


def _age(args: argparse.Namespace) -> AgeOnDay | None:
    """The child's age on the dose day, from --date-of-birth (and --on, default today)."""
    born = getattr(args, "date_of_birth", None)
    on_text = getattr(args, "on", None)
    on = _day("on", on_text, "dose day (--on)") if on_text else date.today()
    if born is None:
        return None
    return AgeOnDay(_day("date_of_birth", born, "date of birth"), on)


def _option(protocol, args: argparse.Namespace) -> tuple[str | None, bool]:
    """(option, used the plan's default) for this arm."""
    if args.option is not None:
        return args.option, False
    default = protocol.arm(args.arm).default_option
    return (default.id, True) if default is not None else (None, False)


def dose_report(args: argparse.Namespace) -> dict:
    """Everything `dose` prints, as plain data. Raises InputError on bad input."""
    catalog = protocol_catalog()
    protocol = catalog.protocols.get(args.protocol)
    if protocol is None:
        known = ", ".join(sorted(catalog.protocols)) or "none"
        refused = "".join(f" Refused protocol file: {Path(e.file).name}." for e in catalog.rejected)
        raise InputError(
            "protocol",
            f"Unknown protocol {args.protocol!r}; known: {known}.{refused}"
            + (" See `jdm-ctp protocols` for why." if refused else ""),
        )
    body = _body(args)
    age = _age(args)
    option, by_default = _option(protocol, args)
    doses = compute_arm_doses(protocol, args.arm, body, route=args.route, option=option, age=age)
    if not doses:
        raise InputError("route", f"Arm {args.arm} has no dose given by route {args.route!r}.")
    limits = compute_concomitant_limits(protocol, body)
    arm = protocol.arm(args.arm)
    return {
        "protocol": protocol.id,
        "protocol_version": protocol.version,
        "plan_origin": protocol.origin.value,
        "protocol_hash": protocol.content_hash,
        "arm": arm.id,
        "option": arm.option(option).id if option is not None else None,
        "option_is_default": by_default,
        "inputs": {
            "weight_kg": body.weight_kg,
            "height_cm": body.height_cm,
            "bsa_m2": body.bsa_m2,
            "bsa_formula": BSA_FORMULA if body.bsa_m2 is not None else None,
            "age_years": age.years if age is not None else None,
            "age_on": age.on.isoformat() if age is not None else None,
        },
        "doses": [dose.to_dict() for dose in doses],
        "limits": [limit.to_dict() for limit in limits],
    }


def _line(result: DoseResult) -> str:
    status = "  [PROVISIONAL — verify against the published plan]" \
        if result.status == "provisional" else ""
    derivation = "\n".join("      " + line for line in result.derivation.splitlines())
    warnings = "".join(f"\n      WARNING: {w}" for w in result.warnings)
    return (f"{result.drug}: {format_number(result.amount, 3)} {result.unit} per {result.per}, "
            f"{result.frequency}, {result.route}{status}{warnings}\n{derivation}")


def run(args: argparse.Namespace) -> int:
    try:
        report = dose_report(args)
    except InputError as error:
        print(f"jdm-ctp dose: {error.message}", file=sys.stderr)
        return EXIT_INPUT
    refused = len(protocol_catalog().rejected)
    if refused:
        # The dose is computed from the plan offered; the site may have meant a refused file.
        print(f"jdm-ctp dose: note: {refused} protocol file{'s' if refused != 1 else ''} "
              "refused (see `jdm-ctp protocols`)", file=sys.stderr)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    inputs = report["inputs"]
    protocol = protocol_catalog().protocols[report["protocol"]]
    origin = f", {protocol.origin_words}" if protocol.site_plan else ""
    print(f"{report['protocol']} (version {report['protocol_version']}{origin}), "
          f"arm {report['arm']}")
    if protocol.status.value == "provisional":
        print("PROVISIONAL PLAN — verify against the published plan before use.")
    described = f"weight {format_number(inputs['weight_kg'], 3)} kg"
    if inputs["height_cm"] is not None:
        described += (f", height {format_number(inputs['height_cm'], 2)} cm, BSA "
                      f"{format_number(inputs['bsa_m2'], 3)} m² ({inputs['bsa_formula']})")
    if inputs["age_years"] is not None:
        described += f", age {inputs['age_years']} years on {inputs['age_on']}"
    print(described)
    arm = protocol.arm(report["arm"])
    if report["option"] is not None:
        chosen = arm.option(report["option"])
        print(f"Option: {chosen.label}" + (" (the plan's default; other options with --option: "
                                            + ", ".join(o.id for o in arm.options
                                                        if o.id != chosen.id) + ")"
                                            if report["option_is_default"] else ""))
    body = _body(args)
    print("\nDoses:")
    for dose in compute_arm_doses(protocol, args.arm, body, route=args.route,
                                  option=report["option"], age=_age(args)):
        print("  " + _line(dose))
    print("\nConcomitant limits for this child:")
    for limit in compute_concomitant_limits(protocol, body):
        print("  " + _line(limit).replace(": ", ": at most ", 1))
    return 0
