"""Renal biopsy (screening): date, ISN/RPS 2003 class, and the findings exclusions 4 and 5 read.

Weening JJ et al., The classification of glomerulonephritis in systemic lupus erythematosus revisited (ISN/RPS
2003), J Am Soc Nephrol 2004;15:241-50. Inclusion 3 needs class III, IV, V, III+V or IV+V on a biopsy dated
within 12 weeks before randomisation; exclusion 4: glomerulosclerosis ≥ 50 %; exclusion 5: capillary-loop
necrosis, microthrombi or cellular crescents in ≥ 50 % of glomeruli (evaluated in
:mod:`crf_desktop.forms.trial.eligibility`). The biopsy may predate consent (it is part of routine care).
"""

from __future__ import annotations

from crf_desktop.forms.conditions import P
from crf_desktop.forms.model import Choice, Field, FieldType, Form, Range, Section, Text, same

FORM_ID = "renal_biopsy"
PERCENT = same("%")

CLASSES: tuple[Choice, ...] = (
    Choice(code="I", label=Text(en="Class I (minimal mesangial)", zh="I 型（轻微系膜性）")),
    Choice(code="II", label=Text(en="Class II (mesangial proliferative)", zh="II 型（系膜增生性）")),
    Choice(code="III", label=Text(en="Class III (focal)", zh="III 型（局灶性）")),
    Choice(code="IV", label=Text(en="Class IV (diffuse)", zh="IV 型（弥漫性）")),
    Choice(code="V", label=Text(en="Class V (membranous)", zh="V 型（膜性）")),
    Choice(code="III_V", label=Text(en="Class III + V", zh="III+V 型")),
    Choice(code="IV_V", label=Text(en="Class IV + V", zh="IV+V 型")),
    Choice(code="VI", label=Text(en="Class VI (advanced sclerosing)", zh="VI 型（严重硬化性）")),
)

FORM = Form(
    id=FORM_ID,
    version="1.0",
    title=Text(en="Renal biopsy", zh="肾活检"),
    sections=(
        Section(
            id="biopsy",
            title=Text(en="Renal biopsy (ISN/RPS 2003)", zh="肾活检（ISN/RPS 2003 分型）"),
            fields=(
                Field(
                    id="bx_date",
                    label=Text(en="Biopsy date", zh="肾活检日期"),
                    type=FieldType.DATE,
                    help=Text(en="Inclusion 3: within 12 weeks before randomisation",
                              zh="入选标准 3：须在随机前 12 周内"),
                ),
                Field(
                    id="bx_class",
                    label=Text(en="ISN/RPS 2003 class", zh="ISN/RPS 2003 病理分型"),
                    type=FieldType.CHOICE,
                    choices=CLASSES,
                ),
                Field(
                    id="bx_iv_subclass",
                    label=Text(en="Class IV: segmental or global", zh="IV 型：节段性或球性"),
                    type=FieldType.CHOICE,
                    choices=(
                        Choice(code="S", label=Text(en="IV-S (segmental)", zh="IV-S（节段性）")),
                        Choice(code="G", label=Text(en="IV-G (global)", zh="IV-G（球性）")),
                    ),
                    relevant=P("bx_class", "in", ("IV", "IV_V")),
                ),
                Field(
                    id="bx_activity",
                    label=Text(en="Class III/IV lesions: active or chronic", zh="III/IV 型病变：活动性或慢性"),
                    type=FieldType.CHOICE,
                    choices=(
                        Choice(code="A", label=Text(en="A (active)", zh="A（活动性）")),
                        Choice(code="A_C", label=Text(en="A/C (active and chronic)", zh="A/C（活动性和慢性）")),
                        Choice(code="C", label=Text(en="C (chronic inactive)", zh="C（慢性非活动性）")),
                    ),
                    relevant=P("bx_class", "in", ("III", "IV", "III_V", "IV_V")),
                ),
                Field(
                    id="bx_glomeruli_n",
                    label=Text(en="Number of glomeruli in the sample", zh="标本中肾小球数目"),
                    type=FieldType.INTEGER,
                    hard_range=Range.of(0, 300),
                    expected_range=Range.of(10, 100),
                    help=Text(en="Fewer than 10 glomeruli may not be representative",
                              zh="肾小球少于 10 个时可能不具代表性"),
                ),
                Field(
                    id="bx_sclerosis_pct",
                    label=Text(en="Globally sclerosed glomeruli", zh="肾小球硬化比例"),
                    type=FieldType.DECIMAL,
                    precision=1,
                    unit=PERCENT,
                    hard_range=Range.of(0, 100),
                    help=Text(en="Exclusion 4: ≥ 50 % excludes", zh="排除标准 4：≥ 50% 者排除"),
                ),
                Field(
                    id="bx_nmc_pct",
                    label=Text(
                        en="Glomeruli with capillary-loop necrosis, microthrombi or cellular crescents",
                        zh="伴毛细血管袢坏死、微血栓或细胞性新月体的肾小球比例",
                    ),
                    type=FieldType.DECIMAL,
                    precision=1,
                    unit=PERCENT,
                    hard_range=Range.of(0, 100),
                    help=Text(en="Exclusion 5: ≥ 50 % excludes", zh="排除标准 5：≥ 50% 者排除"),
                ),
                Field(
                    id="bx_activity_index",
                    label=Text(en="NIH activity index (0-24)", zh="NIH 活动性指数（0～24）"),
                    type=FieldType.INTEGER,
                    required=False,
                    hard_range=Range.of(0, 24),
                ),
                Field(
                    id="bx_chronicity_index",
                    label=Text(en="NIH chronicity index (0-12)", zh="NIH 慢性化指数（0～12）"),
                    type=FieldType.INTEGER,
                    required=False,
                    hard_range=Range.of(0, 12),
                ),
            ),
        ),
    ),
)
