"""Why a plan file's dose rule is refused, key by key (app.domain.protocol.sections), each
given as a Sentence: its English is what the command line prints; the Treatment plans
window shows its own words (app/forms/terms.py lists them in the context "Plan file" with
loading.SENTENCES). A number is a Number (the interface's decimal mark); a key's name
(amount_max, uncapped…) is the file's own word and stays as written.
"""

from __future__ import annotations

CAP_NEEDED = ("is missing: this amount rises without limit with weight or body surface area, "
              "so it needs a cap (its maximum), or uncapped = true with uncapped_reason")
CAP_AND_UNCAPPED = "a rule with a cap is not uncapped: keep one of them"
UNCAPPED_WHY = "is missing (say why this rule has no cap)"
UNCAPPED_REASON_ALONE = "given without uncapped = true"
RANGE_ON_TOP_ONLY = "a dose range is given only on a top-level rule"
RANGE_ABOVE = "amount_max %1 must be above amount %2"
RANGE_NOT_AT_LEAST = "a dose range cannot also be at_least"
CAP_BELOW_MINIMUM = "the cap (maximum) %1 is below the minimum %2"
CAP_BELOW_FIXED = "the cap %1 is below the fixed amount %2"
MINIMUM_ABOVE_FIXED = "the minimum %1 is above the fixed amount %2"
# A number beyond the bounds every plan is held to (file_format): the value with its unit
# and "per" (%1 %2%3), the bound in mg (%4 mg%3)
ABOVE_BOUND = ("%1 %2%3 is above %4 mg%3, the largest amount this application accepts in any "
               "plan (a bound for every drug, not this drug's dose)")
BELOW_BOUND = ("%1 %2%3 is below %4 mg%3, the smallest amount this application accepts in "
               "any plan (a bound for every drug, not this drug's dose)")
SENTENCES = (CAP_NEEDED, CAP_AND_UNCAPPED, UNCAPPED_WHY, UNCAPPED_REASON_ALONE,
             RANGE_ON_TOP_ONLY, RANGE_ABOVE, RANGE_NOT_AT_LEAST, CAP_BELOW_MINIMUM,
             CAP_BELOW_FIXED, MINIMUM_ABOVE_FIXED, ABOVE_BOUND, BELOW_BOUND)
