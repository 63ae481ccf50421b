"""Units shared by declarations, worded per language where they differ."""

from __future__ import annotations

from crf_desktop.forms.model import Text, same

YEARS = Text(en="years", zh="岁")
CM = same("cm")
KG = same("kg")
KG_M2 = same("kg/m²")
