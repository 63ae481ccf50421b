"""Pure evaluators of the NCT03580291 trial rules (issue 4): eligibility, prohibited medications, compliance.

Nothing here reads the store: the services gather the values from the subject's forms and pass them in.
"""
