"""The study's treatment arms as the randomisation lists code them (protocol NCT03580291: MSC infusion with placebo
mycophenolate mofetil against placebo infusion with MMF).

Pure data, so that the exports (``sync``) can decode an arm without importing ``services``; the site's emergency
unblinding (``services.randomisation``) shows the same labels.
"""

from __future__ import annotations

from typing import Final

from crf_desktop.forms.model import Text

ARM_MSC: Final = "A"  # MSC infusion + placebo MMF
ARM_MMF: Final = "B"  # placebo infusion + MMF
ARM_LABELS: Final = {
    ARM_MSC: Text(en="MSC + placebo MMF (active mesenchymal stem cells, placebo tablets)",
                  zh="间充质干细胞 + 吗替麦考酚酯安慰剂"),
    ARM_MMF: Text(en="Placebo MSC + MMF (placebo infusion, active mycophenolate mofetil)",
                  zh="间充质干细胞安慰剂 + 吗替麦考酚酯"),
}
#: How the exports name the arm item / column.
ARM_QUESTION: Final = Text(en="Treatment arm (unblinded at the centre)", zh="治疗组（协调中心已揭盲）")
