"""The dose engine's sentences (app.domain.dosing), each written once here in English, as
stored with an enrollment, printed and exported; the interface shows them translated
(app/forms/terms.py lists ``SENTENCES`` in the context "Dose derivation"). %1, %2…: the
values, already formatted (numbers keep their exact digits and units)."""

from __future__ import annotations

# "Label: …" (French puts a space before the colon)
HEADLINE = {"frequency and route": "%1: %2 %3, %4", "frequency": "%1: %2 %3",
            "route": "%1: %2, %3", "": "%1: %2"}
STEPS = "%1: %2."
PER_DAY_RATE = "%1/%2/day"
PER_DAY = "%1/day"
AT_LEAST = "at least %1"
FIXED = "fixed %1 %2"
GREATER_OF = "greater of (%1) = %2 %3"
LESSER_OF = "lesser of (%1) = %2 %3"
IN_WEIGHT_BAND = "weight %1 kg is in the band %2: %3"
IN_BSA_BAND = "BSA %1 m² is in the band %2: %3"
# A dose band (app.domain.protocol.doses.DoseBand): "≥ 10 kg and < 15 kg", "≤ 1.5 m²"
# the sign, the bound (a Number), the unit: no words, the same in every language (not
# listed for translation)
BAND_BOUND = "%1 %2 %3"
BAND_BOUNDS = "%1 and %2"  # the lower bound, the upper bound
BELOW_MINIMUM = "below the protocol minimum of %1 %2, so %1 %2"
ABOVE_MAXIMUM = "above the maximum of %1 %2, so the maximum %1 %2 applies"
AT_MAXIMUM = ("equal to the maximum of %1 %2, not above it (the maximum did not change the "
              "dose)")
MAXIMUM_NOT_REACHED = "maximum %1 %2 not reached"
NO_MAXIMUM = "no maximum: %1"
ROUNDED = {"nearest": "rounded to the nearest %1 %2: %3 %4 (%5 rounding)",
           "down": "rounded down to %1 %2: %3 %4 (%5 rounding)",
           "up": "rounded up to %1 %2: %3 %4 (%5 rounding)"}
ROUNDING_HELD = "rounding would have passed the maximum of %1 %2, so %3 %4"
RANGE_TOP = "top of the range: %1"
RANGE_TOP_CAPPED = "above the maximum of %1 %2, so %1 %2"
RANGE_TOP_ROUNDED = "rounded down to %1 %2: %3 %4"
HEADINGS = {"Dose": "Dose: %1.", "Maximum": "Maximum: %1."}
HEADINGS_HOW = {"Dose": "Dose: %1 (%2).", "Maximum": "Maximum: %1 (%2)."}
GIVE_AT_LEAST = "at least %1 %2"
GIVE_RANGE = "%1 to %2 %3"
MINIMUM_ONLY = "This is the minimum; higher doses are at the provider's discretion."
RANGE_ONLY = ("This is a dose range: the computed dose is its lower end; a dose within the "
              "range needs a reason, a dose above its top is refused.")
INPUTS = "Inputs: %1."
INPUTS_BSA = "Inputs: %1; BSA %2 m² = √(%3 cm × %4 kg / 3600) (%5)."
AGE_UNKNOWN = ("%1 is labelled from age %2 years, and the child's age is not known: enter "
               "the date of birth and check before giving it %3.")
BELOW_AGE = ("%1 is labelled from age %2 years; this child is %3. Below the labelled age: "
             "check before giving it %4.")
AGE_UNKNOWN_LINE = "Labelled age: %1"
BELOW_AGE_LINE = "WARNING: %1"
WITHIN_AGE_LINE = "Labelled age: from %1 years; the child is %2, within the label %3."
AGE_SOURCE = "(source: %1 [%2])"
NOTE = "Note: %1"
SOURCE = "Source: %1 [%2]."
STATUS = {"seed": "seed", "published": "published", "provisional": "provisional"}
FINAL_NOT_POSITIVE = "The final dose must be more than zero; %1 %2 was entered."
FINAL_ABOVE_MAXIMUM = ("The final %1 dose cannot be above the protocol maximum of %2 %3; %4 %3 "
                       "was entered.")
FINAL_MATCHES = "The final dose matches the computed dose."
FINAL_BELOW_MINIMUM = ("The final dose %1 %2 is below the protocol minimum of %3 %2. Give a "
                       "reason for the difference.")
FINAL_DIFFERS = ("The final dose %1 %2 differs from the computed %3 %2. Give a reason for the "
                 "difference.")
# No band of a banded rule holds the child's weight or BSA (InputError's message, a Sentence).
NO_DOSE_FOR_WEIGHT = "The protocol gives no %1 dose for a weight of %2 kg (dose bands: %3)."
NO_DOSE_FOR_BSA = ("The protocol gives no %1 dose for a body surface area of %2 m² (dose bands: "
                   "%3).")
# sign-in, dosing, drugs: a corticosteroid dose refused (app.domain.dosing
# check_corticosteroid_dose: the enrollment's concomitant page, a visit's steroid)
STEROID_NEGATIVE = "The %1 dose cannot be negative; %2 was entered."
STEROID_ABOVE_MAXIMUM = ("The %1 dose cannot be above this protocol's maximum of %2 %3 for %4 "
                         "kg; %5 %3 was entered.")
SENTENCES = (*HEADLINE.values(), STEPS, PER_DAY_RATE, PER_DAY, AT_LEAST, FIXED, GREATER_OF,
             LESSER_OF, IN_WEIGHT_BAND,
             IN_BSA_BAND, BAND_BOUNDS, BELOW_MINIMUM, ABOVE_MAXIMUM, AT_MAXIMUM,
             MAXIMUM_NOT_REACHED,
             NO_MAXIMUM, *ROUNDED.values(), ROUNDING_HELD, RANGE_TOP, RANGE_TOP_CAPPED,
             RANGE_TOP_ROUNDED, *HEADINGS.values(), *HEADINGS_HOW.values(), GIVE_AT_LEAST,
             GIVE_RANGE, MINIMUM_ONLY, RANGE_ONLY, INPUTS, INPUTS_BSA, AGE_UNKNOWN, BELOW_AGE,
             AGE_UNKNOWN_LINE, BELOW_AGE_LINE, WITHIN_AGE_LINE, AGE_SOURCE, NOTE, SOURCE,
             *STATUS.values(), FINAL_NOT_POSITIVE, FINAL_ABOVE_MAXIMUM, FINAL_MATCHES,
             FINAL_BELOW_MINIMUM, FINAL_DIFFERS, NO_DOSE_FOR_WEIGHT, NO_DOSE_FOR_BSA,
             STEROID_NEGATIVE, STEROID_ABOVE_MAXIMUM)
