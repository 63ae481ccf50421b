"""Pure derivations over a subject's visits: SLEDAI-2K lab suggestions, BILAG-2004 lab hints, SRI-4 and renal
response per visit, time to first response, total remission at weeks 12 and 24, the site summary, and the
trend-chart definition.

Nothing here reads the store: the services gather the values per visit (:class:`.values.VisitValues`) from the
forms and pass them in. A subject with missing data at a timepoint is "not evaluable" with the missing items
named, never a non-responder. Sources: ``shared/reference/clinical-rules.md`` sections 3-6, DESIGN.md section 9.

Modules: :mod:`.values`, :mod:`.sledai_suggestions`, :mod:`.bilag_hints`, :mod:`.response`, :mod:`.summary`,
:mod:`.trend`.
"""

from __future__ import annotations
