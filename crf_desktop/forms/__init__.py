"""Pure forms engine: form declarations, visit schedule, validation, data dictionary (no Qt, database or PDF).

Readers start at :mod:`crf_desktop.forms.registry` (the checked forms and the schedule) and
:mod:`crf_desktop.forms.validation` (typed text in, values and issues out).
"""
