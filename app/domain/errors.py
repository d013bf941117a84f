"""Errors the domain raises, worded for the person at the keyboard.

``InputError`` carries the field it belongs to so a form can show the message next to
that field and keep what was already typed (architecture: "bad input gets a clear
message at the field").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class InputError(ValueError):
    """A value a person entered cannot be used; ``message`` says why in plain words."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(field={self.field!r}, message={self.message!r})"


class UnknownArmError(InputError):
    """The arm asked for is not one of the protocol's arms."""

    def __init__(self, arm_id: str, valid_arms: Sequence[str], protocol_id: str = "") -> None:
        where = f" in protocol {protocol_id}" if protocol_id else ""
        choices = ", ".join(valid_arms) if valid_arms else "(none)"
        super().__init__(
            "arm",
            f'There is no treatment arm "{arm_id}"{where}. Choose one of: {choices}.',
        )
        self.arm_id = arm_id
        self.valid_arms = tuple(valid_arms)


class MissingMeasurementError(InputError):
    """A measurement the rule needs (usually height for a body-surface-area dose) is absent."""


class DoseAboveMaximumError(InputError):
    """A final dose above the protocol maximum: refused, never merely warned (clinical §4)."""


@dataclass(frozen=True)
class ProtocolProblem:
    """One thing wrong in a protocol file: which file, which key (dotted path), and why."""

    file: str
    key: str
    reason: str

    def __str__(self) -> str:
        where = self.key or "(whole file)"
        return f"{self.file}: {where}: {self.reason}"


class ProtocolFileError(Exception):
    """A protocol file could not be used. ``problems`` lists every problem found."""

    def __init__(self, file: str, problems: Sequence[ProtocolProblem]) -> None:
        self.file = file
        self.problems: list[ProtocolProblem] = list(problems)
        count = len(self.problems)
        if count == 1:
            # One problem (an unreadable file, a shipped id reused): one line on stderr.
            (only,) = self.problems
            super().__init__(
                f"Protocol file {file} cannot be used: {only.key or '(whole file)'}: "
                f"{only.reason}"
            )
            return
        lines = [f"Protocol file {file} cannot be used ({count} problems):"]
        lines += [f"  - {p.key or '(whole file)'}: {p.reason}" for p in self.problems]
        super().__init__("\n".join(lines))
