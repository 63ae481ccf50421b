"""Clinical instruments and calculators, one small pure module per instrument.

Each module holds the instrument's data tables (descriptors, items, systems, rule sets) and its pure scoring
functions. Sources and the rules themselves are in ``shared/reference/clinical-rules.md``; the decisions taken
where sources disagree are in DESIGN.md section 9. The public, name-fixed API is
:mod:`crf_desktop.forms.calculators`, which re-exports from here.

Modules: :mod:`.egfr`, :mod:`.dosing`, :mod:`.haq`, :mod:`.pga`, :mod:`.sledai`, :mod:`.bilag`, :mod:`.sri`,
:mod:`.renal_response`, :mod:`.ctcae_lab`; argument checks shared by them live in :mod:`.arguments`.
"""

from __future__ import annotations
